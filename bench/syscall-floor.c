// The floor of a warm scan's system calls: what listing every folder and stat-ing every file of a
// tree costs with nothing else around it (bench/README.md, "Fourth round").
//
//   find TREE \( -name node_modules -o -name .git \) -prune -o -type d -print > folders.txt
//   cc -O2 -o syscall-floor bench/syscall-floor.c && ./syscall-floor folders.txt list|stat|both
//
// list: opendir/readdir/closedir of every folder. stat: fstatat of every file by name relative to
// its folder (opened O_PATH, and its own times read), from names listed beforehand, as a scan that
// trusted a cached listing would. both: listing and fstatat together, the scan's system calls.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int is_dot(const char *name)
{
    return name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2]));
}

int main(int argc, char **argv)
{
    if (argc != 3)
    {
        fprintf(stderr, "usage: syscall-floor FOLDER_LIST list|stat|both\n");
        return 2;
    }

    FILE *list = fopen(argv[1], "r");
    if (!list)
    {
        perror(argv[1]);
        return 1;
    }

    char line[4096];
    int count = 0, capacity = 1024;
    char **folders = malloc(sizeof(char *) * capacity);
    char ***names = malloc(sizeof(char **) * capacity);
    int *files = malloc(sizeof(int) * capacity);
    while (fgets(line, sizeof line, list))
    {
        line[strcspn(line, "\n")] = 0;
        if (count == capacity)
        {
            capacity *= 2;
            folders = realloc(folders, sizeof(char *) * capacity);
            names = realloc(names, sizeof(char **) * capacity);
            files = realloc(files, sizeof(int) * capacity);
        }

        // The names of its files, listed once beforehand (what a cached listing would hold).
        int n = 0, room = 64;
        char **these = malloc(sizeof(char *) * room);
        DIR *dir = opendir(line);
        for (struct dirent *e; dir && (e = readdir(dir));)
        {
            if (is_dot(e->d_name) || e->d_type == DT_DIR)
            {
                continue;
            }

            if (n == room)
            {
                room *= 2;
                these = realloc(these, sizeof(char *) * room);
            }

            these[n++] = strdup(e->d_name);
        }

        if (dir)
        {
            closedir(dir);
        }

        folders[count] = strdup(line);
        names[count] = these;
        files[count++] = n;
    }

    const char *mode = argv[2];
    int listing = !strcmp(mode, "list") || !strcmp(mode, "both");
    int stating = !strcmp(mode, "stat") || !strcmp(mode, "both");
    struct stat st;
    long sizes = 0;
    double start = now_ms();
    for (int i = 0; i < count; i++)
    {
        if (listing)
        {
            DIR *dir = opendir(folders[i]);
            if (!dir)
            {
                continue;
            }

            int fd = dirfd(dir);
            for (struct dirent *e; (e = readdir(dir));)
            {
                if (stating && !is_dot(e->d_name) && e->d_type != DT_DIR && fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                {
                    sizes += st.st_size;
                }
            }

            closedir(dir);
        }
        else
        {
            // The folder's own times first: what a cached listing is checked against.
            int fd = open(folders[i], O_PATH | O_DIRECTORY | O_CLOEXEC);
            if (fd >= 0)
            {
                fstatat(fd, "", &st, AT_EMPTY_PATH);
            }

            for (int j = 0; fd >= 0 && j < files[i]; j++)
            {
                if (fstatat(fd, names[i][j], &st, AT_SYMLINK_NOFOLLOW) == 0)
                {
                    sizes += st.st_size;
                }
            }

            if (fd >= 0)
            {
                close(fd);
            }
        }
    }

    printf("%s: %d folders, %.1f ms (%ld bytes listed)\n", mode, count, now_ms() - start, sizes);
    return 0;
}

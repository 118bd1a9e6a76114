System.Console.WriteLine("The build of this sample fails before it gets here: see the NPMRC diagnostics.");

// Command cchc runs the public administration reform management system.
// See `cchc --help`.
package main

import (
	"os"

	"cchc/internal/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

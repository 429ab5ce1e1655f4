package cli

// unitCmd is written with the XLSX import/export; placeholder until then.
func unitCmd(e env, args []string) error { return errUsage }

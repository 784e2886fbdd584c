// Command inspect-dump writes one JSON line per token of the shared token
// list, {"token": t, "inspect": {...}} or {"token": t, "error": kind}, as
// of 1800000000, for the cross-language check (make test-cross).
//
// usage: inspect-dump <tokens.txt> <out.jsonl>
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/rtctoken/rtctoken/bindings-go"
)

// now is the instant every implementation inspects at.
const now = 1800000000

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintf(os.Stderr, "usage: %s <tokens.txt> <out.jsonl>\n", os.Args[0])
		os.Exit(2)
	}
	if err := dump(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func dump(tokensPath, outPath string) error {
	data, err := os.ReadFile(tokensPath)
	if err != nil {
		return err
	}
	out, err := os.Create(outPath)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	count := 0
	for _, line := range strings.Split(string(data), "\n") {
		// Blank lines are not tokens (the checker skips them too).
		if strings.TrimSpace(line) == "" {
			continue
		}
		row := map[string]any{"token": line}
		in, err := rtctoken.Inspect(line, rtctoken.WithNow(now))
		var e *rtctoken.Error
		switch {
		case err == nil:
			row["inspect"] = in.JSON
		case errors.As(err, &e):
			row["error"] = e.Kind.String()
		default:
			return err
		}
		text, err := json.Marshal(row)
		if err != nil {
			return err
		}
		w.Write(append(text, '\n'))
		count++
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "inspected %d tokens into %s\n", count, outPath)
	return out.Close()
}

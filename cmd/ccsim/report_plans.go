package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ccsim/ccsim/reports"
	"github.com/ccsim/ccsim/sim/staff"
)

// checkFile is the check's results that ccsim staff --out writes beside
// plan.json: the replications the paired cost differences need.
const checkFile = "check.json"

// isPlan reports whether path is a staffing plan: plan.json as ccsim staff
// --out writes it, or a directory holding one.
func isPlan(path string) bool {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		_, err := os.Stat(filepath.Join(path, "plan.json"))
		return err == nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return false
	}
	_, goals := fields["goals"]
	_, ver := fields["verification"]
	return goals && ver
}

// loadPlan reads a plan written by ccsim staff --out (plan.json, or its
// directory) with the check's results beside it.
func loadPlan(path string) (*staff.Plan, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, "plan.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError{err}
	}
	var pl staff.Plan
	if err := json.Unmarshal(data, &pl); err != nil {
		return nil, usageError{fmt.Errorf("%s: not a ccsim staffing plan: %v", path, err)}
	}
	check := filepath.Join(filepath.Dir(path), checkFile)
	if _, err := os.Stat(check); errors.Is(err, os.ErrNotExist) {
		return nil, usageError{fmt.Errorf("%s: no %s beside it: plans are compared on their checks' replications, "+
			"which ccsim staff --out writes there; staff the scenario again with --out", path, checkFile)}
	}
	if pl.Results, err = loadResults(check); err != nil {
		return nil, err
	}
	return &pl, nil
}

// reportComparePlans compares staffing plans: their headcount per interval
// and the paired differences of cost.
func reportComparePlans(e env, paths []string, formats []reports.Format, dir string) error {
	var plans []*staff.Plan
	for _, p := range paths {
		if !isPlan(p) {
			return usageError{fmt.Errorf("%s is not a staffing plan: --compare takes plans or results files, not both", p)}
		}
		pl, err := loadPlan(p)
		if err != nil {
			return err
		}
		plans = append(plans, pl)
	}
	c, err := staff.Compare(runLabels(paths), plans, staff.Week{})
	if err != nil {
		return usageError{fmt.Errorf("report --compare: %w", err)}
	}
	return writeReport(e, dir, reports.PlanComparison{Comparison: c, Plans: plans}.Files(formats))
}

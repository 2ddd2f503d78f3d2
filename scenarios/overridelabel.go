package scenarios

import (
	"strconv"
	"strings"
)

// keyWords are readable names of scenario keys in labels.
var keyWords = map[string]string{
	"bot_containment":  "containment",
	"context_transfer": "context transfer",
	"opt_out":          "opt-out",
	"agent_hour":       "agent-hour cost",
	"bot_session":      "bot session cost",
	"count":            "agents",
	"counts":           "agents",
	"rate":             "arrivals per hour",
}

// shareKeys are keys whose values are shares in [0, 1], labelled as percentages.
var shareKeys = map[string]bool{
	"bot_containment": true, "share": true, "target": true, "opt_out": true, "shrinkage": true,
	"max_abandon": true, "max_occupancy": true, "hangup": true, "retrial": true, "callback": true,
}

// Label is the override as a reader would say it, for legends and report
// titles: "order_status containment 25 %" for
// intents.order_status.bot_containment=0.25, "context transfer off" for
// bot.context_transfer=false, "patience mean 90s" for patience.mean=90s.
// Keys without a readable name keep their last parts with spaces for
// underscores.
func (o Override) Label() string {
	parts := strings.Split(o.Key, ".")
	last := parts[len(parts)-1]
	word := KeyLabel(o.Key)
	switch v := o.Value.(type) {
	case bool:
		if v {
			return word + " on"
		}
		return word + " off"
	case float64:
		if shareKeys[last] && v >= 0 && v <= 1 {
			return word + " " + strconv.FormatFloat(100*v, 'g', 4, 64) + " %"
		}
	}
	return word + " " + FormatValue(o.Value)
}

// KeyLabel is a scenario key as a reader would name it, for axis titles:
// "order_status containment" for intents.order_status.bot_containment,
// "senior shift 1 agents" for agents.senior.shifts.0.count.
func KeyLabel(key string) string {
	parts := strings.Split(key, ".")
	last := parts[len(parts)-1]
	word, ok := keyWords[last]
	if !ok {
		word = strings.ReplaceAll(last, "_", " ")
	}
	switch {
	case len(parts) >= 3:
		word = owner(parts[:len(parts)-1]) + " " + word
	case len(parts) == 2 && !ok:
		word = strings.ReplaceAll(parts[0], "_", " ") + " " + word
	}
	return word
}

// owner names what the last of parts is: "senior" for agents.senior, "senior
// shift 1" for agents.senior.shifts.0 (list positions count from 1).
func owner(parts []string) string {
	last := parts[len(parts)-1]
	i, err := strconv.Atoi(last)
	if err != nil || len(parts) < 2 {
		return last
	}
	name := strings.TrimSuffix(parts[len(parts)-2], "s") + " " + strconv.Itoa(i+1)
	if len(parts) >= 3 {
		name = parts[len(parts)-3] + " " + name
	}
	return name
}

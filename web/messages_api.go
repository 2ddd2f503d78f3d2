package web

import "github.com/ccsim/ccsim/i18n"

// apiMessages is the German catalogue of the texts the server's Go code
// prints (Server.printer): the pulse API's errors, shown by the pages.
var apiMessages = i18n.Catalog{
	"no room with that code":                                                "Kein Raum mit diesem Code",
	"the room is locked":                                                    "Der Raum ist gesperrt",
	"the room is full":                                                      "Der Raum ist voll",
	"the workshop has ended":                                                "Der Workshop ist beendet",
	"the facilitator has removed you from this room":                        "Die Moderation hat Sie aus diesem Raum entfernt",
	"there is no open stand-alone pulse with this code":                     "Es gibt keinen offenen eigenständigen Puls mit diesem Code",
	"this browser has already answered this pulse":                          "Dieser Browser hat diesen Puls schon beantwortet",
	"this needs the server's admin token (printed by ccsim serve at start)": "Dafür braucht es das Admin-Token des Servers (von ccsim serve beim Start ausgegeben)",
	"this team's history needs the admin token, or the facilitator sign-in of one of the team's rooms": "Der Verlauf dieses Teams braucht das Admin-Token oder die Moderationsanmeldung eines Raums dieses Teams",
	"this team has no pulse rounds yet": "Dieses Team hat noch keine Pulsrunden",
	"name a team (?team=…)":             "Nennen Sie ein Team (?team=…)",
	"a stand-alone pulse needs a team label (at most 60 characters) and a title of at most 80": "Ein eigenständiger Puls braucht einen Teamnamen (höchstens 60 Zeichen) und einen Titel von höchstens 80",
}

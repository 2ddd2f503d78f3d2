el("p", {}, t("Send"), t("Room %s", code));

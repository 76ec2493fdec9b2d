package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Attributes in the DICOM JSON model (PS3.18 F.2): {@code {"vr": ..., "Value": [...]}}. */
final class DicomJson {
    private DicomJson() {
    }

    /**
     * One attribute from its DICOM string value (multiple values separated by a backslash); no {@code Value} when
     * empty. Person names become {@code {"Alphabetic": ...}}, IS/DS/US numbers, everything else strings.
     */
    static JsonObject value(String vr, String value) {
        JsonObject o = new JsonObject();
        o.addProperty("vr", vr);
        if (value == null || value.isEmpty()) {
            return o;
        }
        JsonArray a = new JsonArray();
        for (String v : value.split("\\\\", -1)) {
            String t = v.trim();
            switch (vr) {
                case "PN" -> {
                    JsonObject pn = new JsonObject();
                    pn.addProperty("Alphabetic", t);
                    a.add(pn);
                }
                case "IS", "US", "UL" -> {
                    try {
                        a.add(Long.parseLong(t));
                    } catch (NumberFormatException e) {
                        a.add(t);
                    }
                }
                case "DS" -> {
                    try {
                        a.add(Double.parseDouble(t));
                    } catch (NumberFormatException e) {
                        a.add(t);
                    }
                }
                default -> a.add(t);
            }
        }
        o.add("Value", a);
        return o;
    }

    /** A US attribute with one number. */
    static JsonObject number(String vr, long n) {
        return value(vr, Long.toString(n));
    }

    static JsonObject sequence(JsonArray items) {
        JsonObject o = new JsonObject();
        o.addProperty("vr", "SQ");
        o.add("Value", items);
        return o;
    }
}

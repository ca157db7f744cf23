package cn.zhaoshang.system;

/**
 * A text a form shows from a String process variable (a plan's or a quarter's summary). Camunda keeps a String
 * variable in {@code TEXT_}, VARCHAR(4000) in its MySQL, H2 and PostgreSQL schemas, and its history copies; a longer
 * one fails the whole transaction on MySQL/MariaDB. So such a text is cut at a line before the limit and says where
 * the rest is; the full text lives in the domain tables. Data that must stay whole (the meeting's item decisions)
 * goes as a JSON variable instead, which Camunda keeps in a byte array.
 */
public final class ShownText {

    /**
     * UTF-16 chars a String variable may hold, with room for the note on the rest: MySQL counts characters, H2 counts
     * UTF-16 chars, so a 4-byte 𠀀 counts twice on one and this limit holds on both.
     */
    static final int LIMIT = 3800;

    private ShownText() {
    }

    /** {@code text} whole when it fits, else its first lines that fit and {@code ……（whereTheRestIs）}. */
    public static String fit(String text, String whereTheRestIs) {
        if (text == null || text.length() <= LIMIT) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(LIMIT - 1)) ? LIMIT - 1 : LIMIT;
        String head = text.substring(0, cut);
        int line = head.lastIndexOf('\n');
        if (line > LIMIT / 2) {
            head = head.substring(0, line);
        }
        return head + "\n……（" + whereTheRestIs + "）";
    }
}

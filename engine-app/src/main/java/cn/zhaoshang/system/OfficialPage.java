package cn.zhaoshang.system;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The page of the documents the system issues (meeting minutes, monthly notices, annual reports): A4 portrait with the
 * margins of GB/T 9704 (党政机关公文格式), 宋体 for Chinese and Times New Roman for Latin as the document's defaults.
 * Sizes in twips (1/20 pt).
 */
public final class OfficialPage {

    public static final String SONG = "宋体";
    public static final String HEI = "黑体";
    public static final String LATIN = "Times New Roman";

    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = 2098;
    static final int MARGIN_BOTTOM = 1984;
    static final int MARGIN_LEFT = 1587;
    static final int MARGIN_RIGHT = 1474;
    /** The text block: 156 mm. */
    public static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    private OfficialPage() {
    }

    /** Sets the page size, margins and default fonts (for anything without run properties: empty lines, cell marks). */
    public static void setUp(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(992));
        margins.setGutter(BigInteger.ZERO);
        CTFonts defaults = CTFonts.Factory.newInstance();
        defaults.setAscii(LATIN);
        defaults.setHAnsi(LATIN);
        defaults.setEastAsia(SONG);
        defaults.setCs(LATIN);
        var styles = doc.createStyles();
        styles.setDefaultFonts(defaults);
        styles.setEastAsia("zh-CN");
    }

    /** A run of text: line breaks kept, what XML cannot carry dropped, the Chinese and the Latin font set. */
    public static XWPFRun run(XWPFParagraph p, String text, String eastAsiaFont, double size, boolean bold) {
        XWPFRun run = p.createRun();
        fonts(run, eastAsiaFont, size);
        if (bold) {
            run.setBold(true);
        }
        String[] lines = clean(text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        return run;
    }

    /** eastAsia for Chinese, ascii/hAnsi for digits and Latin; hint eastAsia so shared punctuation stays Chinese. */
    public static void fonts(XWPFRun run, String eastAsiaFont, double size) {
        run.setFontFamily(LATIN, FontCharRange.ascii);
        run.setFontFamily(LATIN, FontCharRange.hAnsi);
        run.setFontFamily(LATIN, FontCharRange.cs);
        run.setFontFamily(eastAsiaFont, FontCharRange.eastAsia);
        run.setFontSize(size);
        CTRPr rPr = run.getCTR().getRPr();
        CTFonts fonts = rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts();
        fonts.setHint(STHint.EAST_ASIA);
    }

    /** Drops what XML 1.0 cannot carry (control characters, lone surrogates); keeps supplementary characters (𠮷). */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF)
                        || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}

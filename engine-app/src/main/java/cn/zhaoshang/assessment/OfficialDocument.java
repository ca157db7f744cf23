package cn.zhaoshang.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.OfficialPage;

import static cn.zhaoshang.system.OfficialPage.clean;
import static cn.zhaoshang.system.OfficialPage.fonts;
import static cn.zhaoshang.system.OfficialPage.run;

/**
 * A printable official document (通报, 考核报告) as DOCX with Apache POI — the same library and layout as the research
 * meeting minutes (meeting/MinutesDocument): A4 portrait with the GB/T 9704 margins, 宋体/黑体 named on every run
 * (eastAsia) with Times New Roman for Latin, a title, body paragraphs, headings, ruled tables and "— 1 —" page numbers.
 */
final class OfficialDocument {

    static final String SONG = OfficialPage.SONG;
    static final String HEI = OfficialPage.HEI;
    private static final int TEXT_WIDTH = OfficialPage.TEXT_WIDTH;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final XWPFDocument doc = new XWPFDocument();

    OfficialDocument(String title, String subtitle, String creator, Instant generatedAt) {
        OfficialPage.setUp(doc);
        var core = doc.getProperties().getCoreProperties();
        core.setTitle(clean(title));
        core.setCreator(clean(creator));
        if (generatedAt != null) {
            core.setCreated(Optional.of(Date.from(generatedAt)));
        }
        XWPFParagraph t = doc.createParagraph();
        t.setAlignment(ParagraphAlignment.CENTER);
        t.setSpacingAfter(120);
        run(t, title, SONG, 22, true);
        if (subtitle != null) {
            XWPFParagraph s = doc.createParagraph();
            s.setAlignment(ParagraphAlignment.CENTER);
            s.setSpacingAfter(240);
            run(s, subtitle, SONG, 16, false);
        }
        footer();
    }

    OfficialDocument heading(String text) {
        XWPFParagraph p = body();
        p.setSpacingBefore(120);
        run(p, text, HEI, 16, false);
        return this;
    }

    OfficialDocument paragraph(String text) {
        run(body(), text, SONG, 16, false);
        return this;
    }

    /** A ruled table: header row in 黑体, rows in 宋体 小五, column widths in proportion to {@code weights}. */
    OfficialDocument table(List<String> header, List<List<String>> rows, int[] weights) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth(String.valueOf(TEXT_WIDTH));
        table.setWidthType(TableWidthType.DXA);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setTopBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setBottomBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setLeftBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setRightBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < header.size(); c++) {
            cell(head.getCell(c), header.get(c), TEXT_WIDTH * weights[c] / total, HEI);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            for (int c = 0; c < header.size(); c++) {
                cell(row.getCell(c), rows.get(r).get(c), TEXT_WIDTH * weights[c] / total, SONG);
            }
        }
        doc.createParagraph();
        return this;
    }

    /** The closing line "{prefix} 2026年11月2日 09:00", right-aligned. */
    byte[] finish(String closing, Instant generatedAt) {
        XWPFParagraph note = doc.createParagraph();
        note.setAlignment(ParagraphAlignment.RIGHT);
        note.setSpacingBefore(480);
        run(note, generatedAt == null ? closing : closing + " " + MINUTE.format(generatedAt.atZone(EngineClock.BEIJING)),
                SONG, 12, false);
        try (XWPFDocument d = doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the document", e);
        }
    }

    private XWPFParagraph body() {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        return p;
    }

    private void footer() {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", SONG, 14, false);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        XWPFRun number = new XWPFRun(field.addNewR(), p);
        number.setText("1");
        fonts(number, SONG, 14);
        run(p, " —", SONG, 14, false);
    }

    private static void cell(XWPFTableCell cell, String text, int width, String font) {
        cell.setWidth(String.valueOf(width));
        cell.setWidthType(TableWidthType.DXA);
        cell.setVerticalAlignment(XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        run(p, text == null || text.isBlank() ? "—" : text, font, 9, false);
    }
}

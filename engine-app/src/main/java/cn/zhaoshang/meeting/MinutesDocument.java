package cn.zhaoshang.meeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import cn.zhaoshang.system.OfficialPage;

import static cn.zhaoshang.system.OfficialPage.clean;
import static cn.zhaoshang.system.OfficialPage.fonts;
import static cn.zhaoshang.system.OfficialPage.run;

/**
 * The minutes (会议纪要) of a lead research meeting (线索研判会议) as a printable DOCX: A4 portrait, plain official
 * layout, one table row per lead decided.
 *
 * <p>Seeds: panan-2022 §二.3 (研判结果由领导小组办公室汇总，以会议纪要形式反馈), xuancheng-2019 §二.3 (确定有效项目线索，
 * 按《招商引资项目线索转办工作制度》转办).
 *
 * <p>Fonts are named explicitly on every run (eastAsia 宋体 / 黑体, ascii Times New Roman): Word and WPS then show
 * Chinese in the intended face, and a reader without those fonts (LibreOffice on Linux) still picks a CJK fallback.
 */
public final class MinutesDocument {

    private MinutesDocument() {
    }

    /**
     * One meeting. {@code items} print in the given order. Missing values print as "—"; without a number the number
     * line is left out, without {@code generatedAt} the closing line carries no time.
     */
    public record Minutes(String minutesNumber, String meetingKindLabel, LocalDate heldOn, String organiser,
            String attendees, List<Item> items, Instant generatedAt) {
    }

    /**
     * One lead decided at the meeting. Amounts in 万元 / 万美元, land in 亩. {@code decision} is VALID | INVALID |
     * MORE_INFO; {@code responsibleUnitName} and {@code taskForceLeader} matter for VALID only.
     */
    public record Item(int position, long leadId, String companyName, String projectName, String reportingUnitName,
            String industryLabel, BigDecimal totalInvestmentWan, BigDecimal foreignCapitalUsdWan, BigDecimal landAreaMu,
            String consultationSummary, String decision, String reason, String responsibleUnitName,
            String taskForceLeader) {
    }

    public static final String TITLE = "线索研判会议纪要";
    public static final String NO_ITEMS = "本次会议无研判事项。";
    public static final String REQUIREMENTS = "有效线索由责任单位按《招商引资项目线索转办工作制度》跟进，及时报送跟踪进展情况；"
            + "需补充信息的线索由报送单位补充后重新报送，提交下次研判会议研判。";
    public static final String FOOTER_PREFIX = "本纪要由系统根据会议研判结果生成";
    /** Header row of the decision table; "\n" is a line break inside the cell. */
    public static final List<String> COLUMNS = List.of("序号", "线索\n编号", "企业及项目", "报送单位", "总投资\n（万元）",
            "征询意见", "研判结论", "理由/转办要求");

    static final String SONG = OfficialPage.SONG;
    static final String HEI = OfficialPage.HEI;
    private static final String NONE = "—";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    // Twips (1/20 pt): the text block of the page (system/OfficialPage), 156 mm wide.
    private static final int TEXT_WIDTH = OfficialPage.TEXT_WIDTH;
    /** Column widths in twips, summing to the text width; the text-heavy columns get the room. */
    private static final int[] COLUMN_WIDTHS = {520, 640, 1500, 900, 1000, 1500, 1080,
            TEXT_WIDTH - (520 + 640 + 1500 + 900 + 1000 + 1500 + 1080)};
    private static final int CELL_MARGIN = 57; // 1 mm: the table is narrow, every character counts

    // Chinese type sizes in points: 二号 22, 三号 16, 小四 12, 小五 9 (the table: eight columns on 156 mm).
    private static final double TITLE_SIZE = 22;
    private static final double BODY_SIZE = 16;
    private static final double TABLE_SIZE = 9;
    private static final double NOTE_SIZE = 12;
    private static final int BODY_LINE = 560; // exactly 28 pt, the usual line pitch for 三号 text
    private static final int INDENT_2_CHARS = 640; // two 三号 characters

    public static byte[] render(Minutes minutes) {
        if (minutes == null) {
            throw new IllegalArgumentException("minutes is required");
        }
        List<Item> items = minutes.items() == null ? List.of() : minutes.items().stream().filter(i -> i != null).toList();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OfficialPage.setUp(doc);
            setProperties(doc, minutes);

            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER);
            title.setSpacingAfter(120);
            run(title, TITLE, SONG, TITLE_SIZE, true);

            if (!isBlank(minutes.minutesNumber())) {
                XWPFParagraph number = paragraph(doc, ParagraphAlignment.CENTER);
                number.setSpacingAfter(240);
                run(number, minutes.minutesNumber(), SONG, BODY_SIZE, false);
            }

            labelled(doc, "时　　间：", minutes.heldOn() == null ? null : DAY.format(minutes.heldOn()));
            labelled(doc, "会议类型：", minutes.meetingKindLabel());
            labelled(doc, "组织单位：", minutes.organiser());
            labelled(doc, "参会人员：", minutes.attendees());

            heading(doc, "一、会议议定事项");
            XWPFParagraph summary = bodyParagraph(doc);
            if (items.isEmpty()) {
                run(summary, NO_ITEMS, SONG, BODY_SIZE, false);
            } else {
                keepWithNext(summary);
                run(summary, summary(items), SONG, BODY_SIZE, false);
                table(doc, items);

                heading(doc, "二、有关要求");
                run(bodyParagraph(doc), REQUIREMENTS, SONG, BODY_SIZE, false);
            }

            XWPFParagraph note = paragraph(doc, ParagraphAlignment.RIGHT);
            note.setSpacingBefore(480);
            String generated = minutes.generatedAt() == null ? FOOTER_PREFIX
                    : FOOTER_PREFIX + " " + MINUTE.format(minutes.generatedAt().atZone(CHINA));
            run(note, generated, SONG, NOTE_SIZE, false);

            pageNumbers(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the minutes", e);
        }
    }

    /** 共研判线索N条，其中有效线索X条、无效线索Y条、需补充信息Z条。 */
    static String summary(List<Item> items) {
        long valid = items.stream().filter(i -> Decision.of(i.decision()) == Decision.VALID).count();
        long invalid = items.stream().filter(i -> Decision.of(i.decision()) == Decision.INVALID).count();
        long moreInfo = items.stream().filter(i -> Decision.of(i.decision()) == Decision.MORE_INFO).count();
        return "本次会议共研判线索" + items.size() + "条，其中有效线索" + valid + "条、无效线索" + invalid + "条、需补充信息"
                + moreInfo + "条。具体如下：";
    }

    /** The decision codes of the meeting form, with the wording the minutes use. */
    enum Decision {
        VALID("有效线索（转办）"),
        INVALID("无效线索（归档）"),
        MORE_INFO("需补充信息（退回报送单位）");

        final String label;

        Decision(String label) {
            this.label = label;
        }

        /** {@code null} for a missing decision; an unknown code is a bug upstream, not something to print. */
        static Decision of(String code) {
            if (isBlank(code)) {
                return null;
            }
            try {
                return valueOf(code.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown meeting decision: " + code, e);
            }
        }
    }

    /** "转办至{单位}，由{牵头人}牵头组建招引专班", saying plainly what is still open when a name is missing. */
    static String transfer(Item item) {
        String unit = isBlank(item.responsibleUnitName()) ? "（责任单位待明确）" : item.responsibleUnitName();
        String leader = isBlank(item.taskForceLeader()) ? "，组建招引专班（牵头人待明确）"
                : "，由" + item.taskForceLeader() + "牵头组建招引专班";
        return "转办至" + unit + leader;
    }

    // ---- page and document

    private static void setProperties(XWPFDocument doc, Minutes minutes) {
        var core = doc.getProperties().getCoreProperties();
        core.setTitle(isBlank(minutes.minutesNumber()) ? TITLE : TITLE + " " + clean(minutes.minutesNumber()));
        core.setCreator(isBlank(minutes.organiser()) ? "招商引资项目全生命周期审批系统" : clean(minutes.organiser()));
        if (minutes.generatedAt() != null) {
            core.setCreated(Optional.of(Date.from(minutes.generatedAt())));
        }
    }

    /** "— 1 —" centred at the foot of every page, as printed official documents number their pages. */
    private static void pageNumbers(XWPFDocument doc) {
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

    // ---- body

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    private static XWPFParagraph bodyParagraph(XWPFDocument doc) {
        XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(INDENT_2_CHARS);
        p.setSpacingBetween(BODY_LINE / 20.0, LineSpacingRule.EXACT);
        return p;
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = bodyParagraph(doc);
        p.setSpacingBefore(120);
        keepWithNext(p);
        run(p, text, HEI, BODY_SIZE, false);
    }

    /** "参会人员：…" with wrapped lines starting under the value, not under the label. */
    private static void labelled(XWPFDocument doc, String label, String value) {
        XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
        int labelWidth = label.length() * (int) (BODY_SIZE * 20);
        p.setIndentationLeft(labelWidth);
        p.setIndentationHanging(labelWidth);
        p.setSpacingBetween(BODY_LINE / 20.0, LineSpacingRule.EXACT);
        run(p, label, HEI, BODY_SIZE, false);
        run(p, isBlank(value) ? NONE : value, SONG, BODY_SIZE, false);
    }

    private static void keepWithNext(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        if (!ppr.isSetKeepNext()) {
            ppr.addNewKeepNext();
        }
    }

    // ---- table

    private static void table(XWPFDocument doc, List<Item> items) {
        XWPFTable table = doc.createTable(items.size() + 1, COLUMNS.size());
        table.setWidth(String.valueOf(TEXT_WIDTH));
        table.setWidthType(TableWidthType.DXA);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(40, CELL_MARGIN, 40, CELL_MARGIN);
        // Printed tables need visible rules: a heavier frame, thin inner lines.
        table.setTopBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setBottomBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setLeftBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setRightBorder(XWPFBorderType.SINGLE, 8, 0, "000000");
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
        // Fixed layout with an explicit grid: Word, WPS and LibreOffice then agree on the column widths.
        CTTbl ct = table.getCTTbl();
        CTTblPr tblPr = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : COLUMN_WIDTHS) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }

        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < COLUMNS.size(); c++) {
            cell(header.getCell(c), c, List.of(COLUMNS.get(c)), ParagraphAlignment.CENTER, HEI);
        }

        for (int r = 0; r < items.size(); r++) {
            Item item = items.get(r);
            XWPFTableRow row = table.getRow(r + 1);
            // A printed row should not be torn across pages; a row taller than a page still breaks.
            row.setCantSplitRow(true);
            Decision decision = Decision.of(item.decision());
            cell(row.getCell(0), 0, List.of(String.valueOf(item.position())), ParagraphAlignment.CENTER, SONG);
            cell(row.getCell(1), 1, List.of(String.valueOf(item.leadId())), ParagraphAlignment.CENTER, SONG);
            cell(row.getCell(2), 2, companyAndProject(item), ParagraphAlignment.LEFT, SONG);
            cell(row.getCell(3), 3, List.of(orNone(item.reportingUnitName())), ParagraphAlignment.LEFT, SONG);
            cell(row.getCell(4), 4, investment(item), ParagraphAlignment.CENTER, SONG);
            cell(row.getCell(5), 5, consultation(item.consultationSummary()), ParagraphAlignment.LEFT, SONG);
            cell(row.getCell(6), 6, List.of(decision == null ? NONE : decision.label), ParagraphAlignment.CENTER, HEI);
            cell(row.getCell(7), 7, reasonOrTransfer(item, decision), ParagraphAlignment.LEFT, SONG);
        }
    }

    /** One paragraph per entry of {@code lines}; "\n" inside an entry becomes a line break. */
    private static void cell(XWPFTableCell cell, int column, List<String> lines, ParagraphAlignment alignment,
            String font) {
        cell.setWidth(String.valueOf(COLUMN_WIDTHS[column]));
        cell.setWidthType(TableWidthType.DXA);
        cell.setVerticalAlignment(XWPFVertAlign.CENTER);
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = i < cell.getParagraphs().size() ? cell.getParagraphs().get(i) : cell.addParagraph();
            p.setAlignment(alignment);
            p.setSpacingBefore(0);
            p.setSpacingAfter(0);
            p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
            run(p, lines.get(i), font, TABLE_SIZE, false);
        }
    }

    private static List<String> companyAndProject(Item item) {
        List<String> lines = new ArrayList<>();
        lines.add(orNone(item.companyName()));
        if (!isBlank(item.projectName())) {
            lines.add(item.projectName());
        }
        if (!isBlank(item.industryLabel())) {
            lines.add("产业：" + item.industryLabel());
        }
        return lines;
    }

    private static List<String> investment(Item item) {
        List<String> lines = new ArrayList<>();
        lines.add(item.totalInvestmentWan() == null ? NONE : amount(item.totalInvestmentWan()));
        if (item.foreignCapitalUsdWan() != null) {
            lines.add("外资" + amount(item.foreignCapitalUsdWan()) + "万美元");
        }
        if (item.landAreaMu() != null) {
            lines.add("用地" + amount(item.landAreaMu()) + "亩");
        }
        return lines;
    }

    /** One line per department: the summary is "部门：意见；部门：意见（条件；条件）", split only outside brackets. */
    static List<String> consultation(String summary) {
        if (isBlank(summary)) {
            return List.of(NONE);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int depth = 0;
        for (char c : summary.strip().toCharArray()) {
            line.append(c);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            } else if ((c == '；' || c == ';') && depth == 0) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static List<String> reasonOrTransfer(Item item, Decision decision) {
        List<String> lines = new ArrayList<>();
        if (!isBlank(item.reason())) {
            lines.add(item.reason());
        }
        if (decision == Decision.VALID) {
            lines.add(transfer(item));
        }
        return lines.isEmpty() ? List.of(NONE) : lines;
    }

    // ---- text

    /** 12,000 / 1,500.5: grouping helps reading a column of 万元 figures; no trailing zeros. */
    static String amount(BigDecimal value) {
        return new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String orNone(String text) {
        return isBlank(text) ? NONE : text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

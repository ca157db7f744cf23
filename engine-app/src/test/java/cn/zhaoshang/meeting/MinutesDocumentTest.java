package cn.zhaoshang.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import cn.zhaoshang.meeting.MinutesDocument.Item;
import cn.zhaoshang.meeting.MinutesDocument.Minutes;

/**
 * The research meeting minutes (会议纪要) read back with POI: what a person reads on the printed page.
 *
 * <p>To look at the page: {@code mvn -q -pl engine-app test -Dtest=MinutesDocumentTest -Dminutes.out=/tmp/minutes.docx},
 * then {@code libreoffice --headless --convert-to pdf --outdir /tmp /tmp/minutes.docx}.
 */
class MinutesDocumentTest {

    /** 16:05 in Beijing; a UTC rendering would print 08:05. */
    static final Instant GENERATED_AT = Instant.parse("2026-03-18T08:05:00Z");
    static final String GIANT_KANJI = "𠮷"; // U+20BB7, outside the BMP: a surrogate pair in Java

    static final Item VALID = new Item(1, 1024L, "浙江晶澳光能科技有限公司", "年产5GW高效光伏组件项目", "驻上海招商联络处", "新能源",
            new BigDecimal("120000.00"), null, new BigDecimal("80"),
            "发改局：同意；生态环境分局：有条件同意（落实废水零排放；环评批复前不得开工）；应急管理局：同意",
            "VALID", "符合县主导产业，投资强度达标", "县经济开发区管委会", "王建国副县长");
    static final Item INVALID = new Item(2, 1031L, GIANT_KANJI + "野家食品科技（浙江）有限公司", "连锁餐饮中央厨房项目", "尚湖镇",
            "餐饮服务", new BigDecimal("3000"), new BigDecimal("200"), null,
            "发改局：不同意（不符合产业导向）；生态环境分局：同意", "INVALID", "项目属一般餐饮服务，不符合县产业导向", null, null);
    static final Item MORE_INFO = new Item(3, 1040L, "杭州云栖康养产业发展有限公司", "𡈼山康养综合体项目", "玉山镇", "康养",
            new BigDecimal("50000"), null, new BigDecimal("45.5"), "发改局：同意；自然资源和规划局：请补充选址意向",
            "MORE_INFO", "请补充项目选址意向、资金来源证明及投资方近三年财务报表", null, null);

    static Minutes minutes(List<Item> items) {
        return new Minutes("县招商研判〔2026〕3号", "月度研判会议", LocalDate.of(2026, 3, 18), "县招商引资工作领导小组办公室",
                "县发改局、县经信局、县生态环境分局、县应急管理局、县自然资源和规划局、县投资促进中心、县经济开发区管委会、尚湖镇、玉山镇",
                items, GENERATED_AT);
    }

    @Test
    void minutesOfAMeetingWithOneItemPerDecision() throws IOException {
        byte[] docx = MinutesDocument.render(minutes(List.of(VALID, INVALID, MORE_INFO)));
        writeIfAsked(docx);

        try (XWPFDocument doc = read(docx)) {
            List<String> paragraphs = bodyParagraphs(doc);
            assertThat(paragraphs.get(0)).isEqualTo("线索研判会议纪要");
            assertThat(paragraphs.get(1)).isEqualTo("县招商研判〔2026〕3号");
            assertThat(paragraphs).contains("时　　间：2026年3月18日", "会议类型：月度研判会议", "组织单位：县招商引资工作领导小组办公室",
                    "一、会议议定事项", "二、有关要求", MinutesDocument.REQUIREMENTS);
            assertThat(paragraphs).anySatisfy(p -> assertThat(p).startsWith("参会人员：县发改局、").endsWith("玉山镇"));
            assertThat(paragraphs).contains("本次会议共研判线索3条，其中有效线索1条、无效线索1条、需补充信息1条。具体如下：");
            assertThat(paragraphs.get(paragraphs.size() - 1)).isEqualTo("本纪要由系统根据会议研判结果生成 2026年3月18日 16:05");

            // the table comes between the summary and 二、有关要求
            List<IBodyElement> body = doc.getBodyElements();
            int tableAt = body.indexOf(doc.getTables().get(0));
            assertThat(((XWPFParagraph) body.get(tableAt - 1)).getText()).startsWith("本次会议共研判线索3条");
            assertThat(((XWPFParagraph) body.get(tableAt + 1)).getText()).isEqualTo("二、有关要求");

            assertThat(doc.getTables()).hasSize(1);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(4);
            assertThat(cellLines(table.getRow(0))).containsExactly(
                    List.of("序号"), List.of("线索\n编号"), List.of("企业及项目"), List.of("报送单位"), List.of("总投资\n（万元）"),
                    List.of("征询意见"), List.of("研判结论"), List.of("理由/转办要求"));

            assertThat(cellLines(table.getRow(1))).containsExactly(
                    List.of("1"), List.of("1024"), List.of("浙江晶澳光能科技有限公司", "年产5GW高效光伏组件项目", "产业：新能源"),
                    List.of("驻上海招商联络处"), List.of("120,000", "用地80亩"),
                    // split per department, but not inside the brackets of a condition
                    List.of("发改局：同意；", "生态环境分局：有条件同意（落实废水零排放；环评批复前不得开工）；", "应急管理局：同意"),
                    List.of("有效线索（转办）"),
                    List.of("符合县主导产业，投资强度达标", "转办至县经济开发区管委会，由王建国副县长牵头组建招引专班"));
            assertThat(cellLines(table.getRow(2))).containsExactly(
                    List.of("2"), List.of("1031"), List.of("𠮷野家食品科技（浙江）有限公司", "连锁餐饮中央厨房项目", "产业：餐饮服务"),
                    List.of("尚湖镇"), List.of("3,000", "外资200万美元"),
                    List.of("发改局：不同意（不符合产业导向）；", "生态环境分局：同意"),
                    List.of("无效线索（归档）"), List.of("项目属一般餐饮服务，不符合县产业导向"));
            assertThat(cellLines(table.getRow(3))).containsExactly(
                    List.of("3"), List.of("1040"), List.of("杭州云栖康养产业发展有限公司", "𡈼山康养综合体项目", "产业：康养"),
                    List.of("玉山镇"), List.of("50,000", "用地45.5亩"),
                    List.of("发改局：同意；", "自然资源和规划局：请补充选址意向"),
                    List.of("需补充信息（退回报送单位）"), List.of("请补充项目选址意向、资金来源证明及投资方近三年财务报表"));

            // the supplementary-plane characters survive as whole code points, not as "?" or split surrogates
            String company = table.getRow(2).getCell(2).getParagraphs().get(0).getText();
            assertThat(company.codePointAt(0)).isEqualTo(0x20BB7);
            assertThat(company.codePointCount(0, company.length())).isEqualTo(company.length() - 1);
            assertThat(table.getRow(3).getCell(2).getParagraphs().get(1).getText().codePointAt(0)).isEqualTo(0x2123C);

            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRow(1).isRepeatHeader()).isFalse();
        }
    }

    @Test
    void everyRunNamesAnEastAsiaFontAndALatinFont() throws IOException {
        try (XWPFDocument doc = read(MinutesDocument.render(minutes(List.of(VALID, INVALID, MORE_INFO))))) {
            List<XWPFRun> runs = new ArrayList<>();
            doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            doc.getTables().get(0).getRows().forEach(row -> row.getTableCells()
                    .forEach(cell -> cell.getParagraphs().forEach(p -> runs.addAll(p.getRuns()))));
            assertThat(runs).hasSizeGreaterThan(40);
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.getFontFamily(FontCharRange.eastAsia)).as("eastAsia of '%s'", run.text()).isIn("宋体", "黑体");
                assertThat(run.getFontFamily(FontCharRange.ascii)).as("ascii of '%s'", run.text()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).as("size of '%s'", run.text()).isNotNull();
            });

            XWPFRun title = doc.getParagraphs().get(0).getRuns().get(0);
            assertThat(title.isBold()).isTrue();
            assertThat(title.getFontSizeAsDouble()).isGreaterThan(run(doc, "一、会议议定事项").getFontSizeAsDouble());
            assertThat(run(doc, "一、会议议定事项").getFontFamily(FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(run(doc, MinutesDocument.REQUIREMENTS).getFontFamily(FontCharRange.eastAsia)).isEqualTo("宋体");
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0)
                    .getFontFamily(FontCharRange.eastAsia)).isEqualTo("黑体");
        }
    }

    @Test
    void a4PortraitAndATableAsWideAsTheTextBlock() throws IOException {
        try (XWPFDocument doc = read(MinutesDocument.render(minutes(List.of(VALID))))) {
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).hasToString("11906");
            assertThat(section.getPgSz().getH()).hasToString("16838");
            long textWidth = 11906 - Long.parseLong(section.getPgMar().getLeft().toString())
                    - Long.parseLong(section.getPgMar().getRight().toString());
            assertThat(textWidth).isBetween(8000L, 9700L);

            XWPFTable table = doc.getTables().get(0);
            long grid = Stream.of(table.getCTTbl().getTblGrid().getGridColArray())
                    .mapToLong(col -> Long.parseLong(col.getW().toString())).sum();
            assertThat(grid).isEqualTo(textWidth);
            assertThat(table.getCTTbl().getTblGrid().getGridColArray()).extracting(CTTblGridCol::getW)
                    .allSatisfy(w -> assertThat(Long.parseLong(w.toString())).isGreaterThanOrEqualTo(500));
            assertThat(table.getCTTbl().getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
            assertThat(table.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(table.getInsideHBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(table.getInsideVBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
        }
    }

    @Test
    void aMeetingWithoutItemsSaysSo() throws IOException {
        for (List<Item> none : Arrays.asList(List.<Item>of(), null)) {
            try (XWPFDocument doc = read(MinutesDocument.render(minutes(none)))) {
                List<String> paragraphs = bodyParagraphs(doc);
                assertThat(paragraphs.get(0)).isEqualTo("线索研判会议纪要");
                assertThat(paragraphs).contains("一、会议议定事项", "本次会议无研判事项。");
                assertThat(paragraphs).noneMatch(p -> p.contains("共研判线索") || p.equals("二、有关要求"));
                assertThat(doc.getTables()).isEmpty();
                assertThat(paragraphs.get(paragraphs.size() - 1)).isEqualTo("本纪要由系统根据会议研判结果生成 2026年3月18日 16:05");
            }
        }
    }

    @Test
    void missingValuesPrintAsDashesOrSayWhatIsOpen() throws IOException {
        Item bare = new Item(1, 7L, null, null, null, null, null, null, null, null, "VALID", null, null, null);
        Item undecided = new Item(2, 8L, "某公司", null, null, null, null, null, null, "   ", null, null, null, null);
        Item noLeader = new Item(3, 9L, "某公司", "某项目", "某镇", null, new BigDecimal("1.50"), null, null, null, "VALID",
                null, "某园区", null);
        byte[] docx = MinutesDocument.render(new Minutes(null, null, null, null, null,
                Arrays.asList(bare, null, undecided, noLeader), null));

        try (XWPFDocument doc = read(docx)) {
            List<String> paragraphs = bodyParagraphs(doc);
            assertThat(paragraphs.get(0)).isEqualTo("线索研判会议纪要");
            assertThat(paragraphs.get(1)).isEqualTo("时　　间：—"); // no number line at all
            assertThat(paragraphs).contains("会议类型：—", "组织单位：—", "参会人员：—");
            assertThat(paragraphs).contains("本次会议共研判线索3条，其中有效线索2条、无效线索0条、需补充信息0条。具体如下：");
            assertThat(paragraphs.get(paragraphs.size() - 1)).isEqualTo("本纪要由系统根据会议研判结果生成");

            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(4);
            assertThat(cellLines(table.getRow(1))).containsExactly(List.of("1"), List.of("7"), List.of("—"), List.of("—"),
                    List.of("—"), List.of("—"), List.of("有效线索（转办）"),
                    List.of("转办至（责任单位待明确），组建招引专班（牵头人待明确）"));
            assertThat(cellLines(table.getRow(2)).get(5)).containsExactly("—");
            assertThat(cellLines(table.getRow(2)).get(6)).containsExactly("—");
            assertThat(cellLines(table.getRow(3)).get(4)).containsExactly("1.5");
            assertThat(cellLines(table.getRow(3)).get(7)).containsExactly("转办至某园区，组建招引专班（牵头人待明确）");
        }
    }

    @Test
    void longTextAndStrayControlCharactersStillMakeAReadableDocument() throws IOException {
        String longReason = "项目投资方拟分三期建设，".repeat(40) + "\u0007" + "末尾" + GIANT_KANJI;
        Item item = new Item(1, 1L, "某公司\u0000", "某项目", "某镇", "工业", BigDecimal.TEN, null, null,
                "发改局：同意\n生态环境分局：同意", "MORE_INFO", longReason, null, null);

        try (XWPFDocument doc = read(MinutesDocument.render(minutes(List.of(item))))) {
            List<List<String>> cells = cellLines(doc.getTables().get(0).getRow(1));
            assertThat(cells.get(2).get(0)).isEqualTo("某公司");
            assertThat(cells.get(5)).containsExactly("发改局：同意\n生态环境分局：同意");
            assertThat(cells.get(7)).containsExactly("项目投资方拟分三期建设，".repeat(40) + "末尾" + GIANT_KANJI);
        }
    }

    @Test
    void rejectsWhatIsNotAMinutes() {
        assertThatThrownBy(() -> MinutesDocument.render(null)).isInstanceOf(IllegalArgumentException.class);
        Item typo = new Item(1, 1L, "某公司", "某项目", "某镇", null, null, null, null, null, "VALIDATED", null, null, null);
        assertThatThrownBy(() -> MinutesDocument.render(minutes(List.of(typo))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VALIDATED");
    }

    // ---- reading back

    static XWPFDocument read(byte[] docx) throws IOException {
        assertThat(docx).isNotEmpty();
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    /** Top-level paragraph texts, empty ones left out. */
    static List<String> bodyParagraphs(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isEmpty()).toList();
    }

    /** Per cell, its paragraph texts; a line break inside a paragraph reads as "\n". */
    static List<List<String>> cellLines(XWPFTableRow row) {
        return row.getTableCells().stream()
                .map((XWPFTableCell cell) -> cell.getParagraphs().stream().map(XWPFParagraph::getText).toList())
                .toList();
    }

    static XWPFRun run(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow()
                .getRuns().get(0);
    }

    static void writeIfAsked(byte[] docx) throws IOException {
        String out = System.getProperty("minutes.out");
        if (out != null && !out.isBlank()) {
            Files.write(Path.of(out), docx);
        }
    }
}

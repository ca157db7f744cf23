package cn.zhaoshang.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.ledger.LedgerRow;

import static org.assertj.core.api.Assertions.assertThat;

/** The exported workbook read back with POI, as Excel would open it: headers, cell types, formats, frozen header. */
class LedgerWorkbookTest {

    // 2026-03-01 00:30 in Beijing is still 28 February in UTC: dates are written in Beijing time
    private static final Instant REGISTERED = Instant.parse("2026-02-28T16:30:00Z");
    private static final Instant UPDATED = Instant.parse("2026-05-07T01:15:42Z");

    @Test
    void headersInTheFrozenFirstRow_numbersAsNumbers_datesAsDates_emptyAsEmpty() throws Exception {
        LedgerRow project = new LedgerRow("PROJECT", 42L, 7L, "磐安𠮷祥农旅开发有限公司", "花溪民宿综合体", "SIGNED", "SERVICE",
                new BigDecimal("12345.67"), true, new BigDecimal("20.0001"), "T2", "group-chengdong", "城东招商组",
                "park-chengdong", "城东工业园区", "城东工业园区", "分管副县长 李明", REGISTERED, UPDATED, 2, true, 0, false);
        LedgerRow lead = new LedgerRow("LEAD", null, 8L, "甲公司", "甲项目", "IN_CONSULTATION", "INDUSTRIAL",
                new BigDecimal("500"), false, null, null, "office-shanghai", null, null, null, null, null, REGISTERED,
                REGISTERED, 0, false, 1, false);

        XSSFWorkbook read = export(List.of(project, lead), List.<String[]>of(new String[] {"筛选条件", "阶段：履约跟踪"}));
        Sheet sheet = read.getSheet("项目台账");
        assertThat(read.getSheetIndex(sheet)).as("the ledger is the first sheet").isZero();
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        assertThat(headers).containsExactly("类型", "编号", "企业名称", "项目名称", "阶段", "状态", "产业类别", "总投资（万元）",
                "是否用地", "用地面积（亩）", "审批层级", "报送单位", "责任单位", "落户载体", "责任领导（专班组长）", "登记日期", "最近更新",
                "逾期履约节点", "预警");
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("frozen below the header row").isEqualTo((short) 1);
        assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:S3");

        Row first = sheet.getRow(1);
        assertThat(text(first, "类型")).isEqualTo("项目");
        assertThat(number(first, "编号")).isEqualTo(42);
        assertThat(text(first, "企业名称")).isEqualTo("磐安𠮷祥农旅开发有限公司");
        assertThat(text(first, "阶段")).isEqualTo("履约跟踪");
        assertThat(text(first, "状态")).isEqualTo("已签约");
        assertThat(text(first, "产业类别")).isEqualTo("文旅、康养、服务业、农业、商业");
        assertThat(number(first, "总投资（万元）")).isEqualTo(12345.67);
        assertThat(cell(first, "总投资（万元）").getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(number(first, "用地面积（亩）")).isEqualTo(20.0001);
        assertThat(text(first, "报送单位")).isEqualTo("城东招商组");
        assertThat(text(first, "责任领导（专班组长）")).isEqualTo("分管副县长 李明");
        assertThat(DateUtil.isCellDateFormatted(cell(first, "登记日期"))).isTrue();
        assertThat(cell(first, "登记日期").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(cell(first, "登记日期").getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(DateUtil.isCellDateFormatted(cell(first, "最近更新"))).isTrue();
        assertThat(cell(first, "最近更新").getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 5, 7, 9, 15));
        assertThat(number(first, "逾期履约节点")).isEqualTo(2);
        assertThat(text(first, "预警")).isEqualTo("2 个履约节点逾期；履约进度未按月更新");

        Row second = sheet.getRow(2);
        assertThat(text(second, "类型")).isEqualTo("线索");
        assertThat(number(second, "编号")).isEqualTo(8);
        assertThat(text(second, "是否用地")).isEqualTo("否");
        assertThat(second.getCell(headers.indexOf("用地面积（亩）"))).as("no land: an empty cell, not 0").isNull();
        assertThat(second.getCell(headers.indexOf("审批层级"))).isNull();
        assertThat(text(second, "报送单位")).as("a unit without a name shows its code").isEqualTo("office-shanghai");
        assertThat(number(second, "逾期履约节点")).isZero();
        assertThat(text(second, "预警")).isEqualTo("1 个部门征询超期");
        assertThat(sheet.getLastRowNum()).isEqualTo(2);

        Sheet about = read.getSheet("导出说明");
        assertThat(about.getRow(0).getCell(0).getStringCellValue()).isEqualTo("筛选条件");
        assertThat(about.getRow(0).getCell(1).getStringCellValue()).isEqualTo("阶段：履约跟踪");
    }

    @Test
    void anEmptyLedger_isAWorkbookWithItsHeaders() throws Exception {
        XSSFWorkbook read = export(List.of(), List.of());
        Sheet sheet = read.getSheet("项目台账");
        assertThat(sheet.getLastRowNum()).isZero();
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("类型");
    }

    private static XSSFWorkbook export(List<LedgerRow> rows, List<String[]> about) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LedgerWorkbook workbook = new LedgerWorkbook()) {
            rows.forEach(workbook::add);
            assertThat(workbook.rowCount()).isEqualTo(rows.size());
            workbook.write(out, about);
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static Cell cell(Row row, String header) {
        int column = LedgerWorkbook.HEADERS.indexOf(header);
        assertThat(column).as("column %s", header).isNotNegative();
        Cell cell = row.getCell(column);
        assertThat(cell).as("cell %s of row %d", header, row.getRowNum()).isNotNull();
        return cell;
    }

    private static String text(Row row, String header) {
        Cell cell = cell(row, header);
        assertThat(cell.getCellType()).as(header).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    private static double number(Row row, String header) {
        Cell cell = cell(row, header);
        assertThat(cell.getCellType()).as("%s is a number", header).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }
}

package cn.zhaoshang.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.zhaoshang.ledger.LedgerRow;
import cn.zhaoshang.system.EngineClock;

/**
 * The 项目台账 as an .xlsx workbook (Apache POI, streaming: only a window of rows is in memory, so a large ledger
 * exports in constant memory). Chinese headers in a frozen first row with an auto-filter; amounts (万元), areas (亩),
 * counts and ids are numeric cells, dates real date cells in Beijing time, so Excel and WPS sum, sort and filter them.
 * A second sheet says when, by whom and with which filters the ledger was exported.
 */
final class LedgerWorkbook implements AutoCloseable {

    static final String SHEET = "项目台账";
    static final String ABOUT_SHEET = "导出说明";

    private enum Kind { TEXT, INTEGER, AMOUNT, AREA, DATE, DATE_TIME }

    /** {@code widthChars} in Excel's character units (a Chinese character takes about two). */
    private record Column(String header, int widthChars, Kind kind, Function<LedgerRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("类型", 6, Kind.TEXT, LedgerRow::kindLabel),
            new Column("编号", 8, Kind.INTEGER, LedgerRow::id),
            new Column("企业名称", 36, Kind.TEXT, LedgerRow::companyName),
            new Column("项目名称", 30, Kind.TEXT, LedgerRow::projectName),
            new Column("阶段", 12, Kind.TEXT, r -> r.stage().label()),
            new Column("状态", 20, Kind.TEXT, LedgerRow::statusLabel),
            new Column("产业类别", 18, Kind.TEXT, LedgerRow::categoryLabel),
            new Column("总投资（万元）", 14, Kind.AMOUNT, LedgerRow::totalInvestmentWan),
            new Column("是否用地", 10, Kind.TEXT, r -> r.landRequired() ? "是" : "否"),
            new Column("用地面积（亩）", 14, Kind.AREA, LedgerRow::landAreaMu),
            new Column("审批层级", 10, Kind.TEXT, LedgerRow::tierLabel),
            new Column("报送单位", 16, Kind.TEXT, r -> unitName(r.reportingUnitName(), r.reportingUnit())),
            new Column("责任单位", 16, Kind.TEXT, r -> unitName(r.responsibleUnitName(), r.responsibleUnit())),
            new Column("落户载体", 16, Kind.TEXT, LedgerRow::carrierUnit),
            new Column("责任领导（专班组长）", 22, Kind.TEXT, LedgerRow::taskForceLeader),
            new Column("登记日期", 12, Kind.DATE, LedgerRow::registeredAt),
            new Column("最近更新", 17, Kind.DATE_TIME, LedgerRow::lastUpdateAt),
            new Column("逾期履约节点", 12, Kind.INTEGER, LedgerRow::overdueMilestones),
            new Column("预警", 36, Kind.TEXT, r -> String.join("；", r.warnings())));

    static final List<String> HEADERS = COLUMNS.stream().map(Column::header).toList();

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle integer;
    private final CellStyle amount;
    private final CellStyle area;
    private final CellStyle date;
    private final CellStyle dateTime;
    private int rows;

    LedgerWorkbook() {
        sheet = workbook.createSheet(SHEET);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        text = workbook.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        integer = numberStyle("0");
        amount = numberStyle("#,##0.00");
        area = numberStyle("#,##0.0###");
        date = numberStyle("yyyy-mm-dd");
        dateTime = numberStyle("yyyy-mm-dd hh:mm");

        Row row = sheet.createRow(0);
        for (int i = 0; i < COLUMNS.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(COLUMNS.get(i).header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, COLUMNS.get(i).widthChars() * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private CellStyle numberStyle(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    void add(LedgerRow ledgerRow) {
        Row row = sheet.createRow(++rows);
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column column = COLUMNS.get(i);
            Object value = column.value().apply(ledgerRow);
            if (value == null || (value instanceof String s && s.isEmpty())) {
                continue; // an empty cell, not an empty string or a zero
            }
            Cell cell = row.createCell(i);
            switch (column.kind()) {
                case TEXT -> {
                    cell.setCellValue(value.toString());
                    cell.setCellStyle(text);
                }
                case INTEGER -> {
                    cell.setCellValue(((Number) value).doubleValue());
                    cell.setCellStyle(integer);
                }
                case AMOUNT, AREA -> {
                    // exact to the stored decimals (DECIMAL(18,2) 万元, DECIMAL(12,4) 亩), well within a double
                    cell.setCellValue(((BigDecimal) value).doubleValue());
                    cell.setCellStyle(column.kind() == Kind.AMOUNT ? amount : area);
                }
                case DATE -> {
                    cell.setCellValue(beijing((Instant) value).toLocalDate());
                    cell.setCellStyle(date);
                }
                case DATE_TIME -> {
                    cell.setCellValue(beijing((Instant) value).withSecond(0).withNano(0));
                    cell.setCellStyle(dateTime);
                }
            }
        }
    }

    int rowCount() {
        return rows;
    }

    /** Writes the workbook, with the about sheet: each line a label and its value. */
    void write(OutputStream out, List<String[]> about) throws IOException {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows, 1), 0, COLUMNS.size() - 1));
        Sheet info = workbook.createSheet(ABOUT_SHEET);
        info.setColumnWidth(0, 14 * 256);
        info.setColumnWidth(1, 80 * 256);
        int line = 0;
        for (String[] pair : about) {
            Row row = info.createRow(line++);
            Cell label = row.createCell(0);
            label.setCellValue(pair[0]);
            label.setCellStyle(header);
            row.createCell(1).setCellValue(pair[1]);
        }
        workbook.write(out);
    }

    private static LocalDateTime beijing(Instant instant) {
        return LocalDateTime.ofInstant(instant, EngineClock.BEIJING);
    }

    private static String unitName(String name, String code) {
        return name != null ? name : code;
    }

    @Override
    public void close() {
        // the streaming rows live in temporary files until the workbook is disposed
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

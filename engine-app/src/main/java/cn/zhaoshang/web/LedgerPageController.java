package cn.zhaoshang.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.ledger.LedgerFilter;
import cn.zhaoshang.ledger.LedgerRow;
import cn.zhaoshang.ledger.LedgerService;
import cn.zhaoshang.ledger.LedgerSort;
import cn.zhaoshang.ledger.LedgerStage;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

/**
 * 项目台账 (/ledger): every lead and project with its stage, units, category, investment, land, tier, responsible
 * leader, last update and warnings; search, filters, sorting and pages as plain links and a GET form (the address
 * is the query, so it can be bookmarked and sent on); /ledger/export.xlsx exports what the page shows (all pages).
 */
@Controller
@RequestMapping("/ledger")
class LedgerPageController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(EngineClock.BEIJING);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(EngineClock.BEIJING);

    private final LedgerService ledger;
    private final UnitMapper units;

    LedgerPageController(LedgerService ledger, UnitMapper units) {
        this.ledger = ledger;
        this.units = units;
    }

    record Option(String value, String label) {
    }

    record OptionGroup(String label, List<Option> options) {
    }

    /** A sortable column header: its link (sorting by it, or turning its direction) and its aria-sort. */
    record SortLink(String href, String ariaSort, String hint) {
    }

    /** {@code responsibleUnit} only when it is not the reporting unit. */
    record RowView(LedgerRow row, String href, String reportingUnit, String responsibleUnit, String investment,
            String land, String registered, String updated) {
    }

    @GetMapping
    ModelAndView page(@RequestParam Map<String, String> params) {
        ModelAndView page = new ModelAndView("ledger/list");
        Map<String, String> values = new LinkedHashMap<>();
        LedgerFilter.PARAMETERS.forEach(name -> values.put(name, params.getOrDefault(name, "")));
        page.addObject("values", values);
        page.addObject("stages", stages());
        page.addObject("statusGroups", statusGroups());
        page.addObject("units", units.findAll().stream().map(u -> new Option(u.code(), u.name())).toList());
        page.addObject("categories", LedgerFilter.CATEGORIES.stream()
                .map(c -> new Option(c, LedgerRow.categoryLabel(c))).toList());
        page.addObject("tiers", LedgerFilter.TIERS.stream().map(t -> new Option(t, LedgerRow.tierLabel(t))).toList());
        LedgerFilter filter;
        try {
            filter = ledger.filter(params);
        } catch (ApiException e) {
            // the form again with each error next to its field; no rows for a filter that was not understood
            page.setStatus(HttpStatus.BAD_REQUEST);
            Map<String, String> errors = Chinese.byField(e.toBody().errors());
            page.addObject("errors", errors);
            // the first wrong field takes the focus (and so the screen)
            page.addObject("focus", errors.keySet().iterator().next());
            page.addObject("rows", List.of());
            return page;
        }
        page.addObject("errors", Map.of());
        page.addObject("focus", "");
        LedgerService.Page result = ledger.page(filter, pageNumber(params.get("page")));
        page.addObject("rows", result.rows().stream().map(LedgerPageController::view).toList());
        page.addObject("result", result);
        page.addObject("narrowed", filter.narrows());
        page.addObject("exportHref", link("/ledger/export.xlsx", filter.toParameters(), null));
        page.addObject("previousHref", result.page() > 1 ? link("/ledger", filter.toParameters(), result.page() - 1) : null);
        page.addObject("nextHref", result.page() < result.pages()
                ? link("/ledger", filter.toParameters(), result.page() + 1) : null);
        Map<String, SortLink> sorts = new LinkedHashMap<>();
        for (LedgerSort column : LedgerSort.values()) {
            sorts.put(column.key(), sortLink(filter, column));
        }
        page.addObject("sorts", sorts);
        page.addObject("sortDescription", column(filter));
        return page;
    }

    /**
     * The ledger with the page's filters and order, every page, as .xlsx; the file name in Chinese (RFC 5987
     * {@code filename*}) with an ASCII one for old clients. An invalid filter gets the Chinese 400 page.
     */
    @GetMapping("/export.xlsx")
    void export(@RequestParam Map<String, String> params, Authentication caller, HttpServletResponse response)
            throws IOException {
        LedgerFilter filter = ledger.filter(params);
        Instant now = EngineClock.now();
        String day = DAY.format(now);
        try (LedgerWorkbook workbook = new LedgerWorkbook()) {
            ledger.forEach(filter, workbook::add);
            List<String[]> about = new ArrayList<>();
            about.add(new String[] {"导出时间", MINUTE.format(now) + "（北京时间）"});
            about.add(new String[] {"导出人", caller.getName()});
            about.add(new String[] {"筛选条件", describe(filter)});
            about.add(new String[] {"排序", column(filter)});
            about.add(new String[] {"行数", String.valueOf(workbook.rowCount())});
            response.setContentType(XLSX);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("ledger-" + day + ".xlsx",
                    "项目台账-" + day + ".xlsx"));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            try (OutputStream out = response.getOutputStream()) {
                workbook.write(out, about);
            }
        }
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266 / RFC 5987). */
    static String attachment(String asciiName, String name) {
        // URLEncoder is form encoding: a space becomes "+", which RFC 5987 does not allow
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
    }

    private static RowView view(LedgerRow row) {
        String href = row.isProject() ? "/projects/" + row.projectId() : "/ledger/leads/" + row.leadId();
        String responsible = row.responsibleUnit() == null || row.responsibleUnit().equals(row.reportingUnit()) ? null
                : name(row.responsibleUnitName(), row.responsibleUnit());
        return new RowView(row, href, name(row.reportingUnitName(), row.reportingUnit()), responsible,
                amount(row.totalInvestmentWan()),
                row.landRequired() ? area(row.landAreaMu()) : "不用地", DAY.format(row.registeredAt()),
                MINUTE.format(row.lastUpdateAt()));
    }

    private static String name(String name, String code) {
        return name != null ? name : code;
    }

    static String amount(BigDecimal wan) {
        return wan == null ? "" : String.format(Locale.ROOT, "%,.2f", wan);
    }

    static String area(BigDecimal mu) {
        return mu == null ? "" : mu.stripTrailingZeros().toPlainString();
    }

    private static List<Option> stages() {
        List<Option> stages = new ArrayList<>();
        for (LedgerStage stage : LedgerStage.values()) {
            stages.add(new Option(stage.name(), stage.label()));
        }
        return stages;
    }

    private static List<OptionGroup> statusGroups() {
        List<Option> leads = new ArrayList<>();
        for (LeadStatus status : LeadStatus.values()) {
            if (status != LeadStatus.MERGED) {
                leads.add(new Option(LedgerRow.LEAD + ":" + status.name(), status.label()));
            }
        }
        List<Option> projects = new ArrayList<>();
        for (ProjectStatus status : ProjectStatus.values()) {
            projects.add(new Option(LedgerRow.PROJECT + ":" + status.name(), status.label()));
        }
        return List.of(new OptionGroup("线索", leads), new OptionGroup("项目", projects));
    }

    private static SortLink sortLink(LedgerFilter filter, LedgerSort column) {
        boolean current = filter.sort() == column;
        // a new column starts with what people look for first: the newest, the largest; the current one turns round
        boolean descending = current ? !filter.descending() : column != LedgerSort.COMPANY;
        String href = link("/ledger", filter.sortedBy(column, descending).toParameters(), null);
        String ariaSort = current ? (filter.descending() ? "descending" : "ascending") : null;
        String hint = "按" + column.describe(descending) + "排序";
        return new SortLink(href, ariaSort, hint);
    }

    private static String column(LedgerFilter filter) {
        return filter.sort().describe(filter.descending());
    }

    /** The filters in words, for the export's about sheet. */
    private String describe(LedgerFilter filter) {
        Function<String, String> unitName = code -> units.findByCode(code).map(Unit::name).orElse(code);
        List<String> parts = new ArrayList<>();
        if (filter.text() != null) {
            parts.add("企业或项目名称含「" + filter.text() + "」");
        }
        if (filter.stage() != null) {
            parts.add("阶段：" + filter.stage().label());
        }
        if (filter.status() != null) {
            parts.add("状态：" + (LedgerRow.LEAD.equals(filter.statusKind())
                    ? "线索 · " + LeadStatus.valueOf(filter.status()).label()
                    : "项目 · " + ProjectStatus.valueOf(filter.status()).label()));
        }
        if (filter.unit() != null) {
            parts.add("单位：" + unitName.apply(filter.unit()));
        }
        if (filter.category() != null) {
            parts.add("产业类别：" + LedgerRow.categoryLabel(filter.category()));
        }
        if (filter.tier() != null) {
            parts.add("审批层级：" + LedgerRow.tierLabel(filter.tier()));
        }
        if (filter.from() != null || filter.to() != null) {
            parts.add("登记日期：" + (filter.from() == null ? "" : filter.from() + " 起")
                    + (filter.to() == null ? "" : " 至 " + filter.to()));
        }
        if (filter.warningsOnly()) {
            parts.add("只看有预警的");
        }
        return parts.isEmpty() ? "全部（未筛选）" : String.join("；", parts);
    }

    private static int pageNumber(String text) {
        try {
            return text == null ? 1 : Math.max(1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A link within the workbench with these query parameters (form-encoded, as the GET form sends them). */
    static String link(String path, Map<String, String> params, Integer page) {
        StringBuilder uri = new StringBuilder(path);
        Map<String, String> all = new LinkedHashMap<>(params);
        if (page != null) {
            all.put("page", String.valueOf(page));
        }
        char separator = '?';
        for (Map.Entry<String, String> param : all.entrySet()) {
            uri.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return uri.toString();
    }
}

package cn.zhaoshang.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;

/**
 * What the 项目台账 is filtered and sorted by, as a person chose it on the page (and in the export link, which carries
 * the same parameters): text in the company or project name, stage, status, unit (reporting or responsible), category,
 * tier, registration date range (Beijing dates, inclusive), warnings only, sort column and direction.
 */
public record LedgerFilter(String text, LedgerStage stage, String statusKind, String status, String unit,
        String category, String tier, LocalDate from, LocalDate to, boolean warningsOnly, LedgerSort sort,
        boolean descending) {

    public static final int MAX_TEXT = 100;
    public static final List<String> CATEGORIES = List.of("INDUSTRIAL", "SERVICE");
    public static final List<String> TIERS = List.of("T1", "T2", "T3", "DEVZONE");
    /** the request parameters, in the order the page's form has them */
    public static final List<String> PARAMETERS = List.of("q", "stage", "status", "unit", "category", "tier", "from",
            "to", "warnings", "sort", "dir");

    public static LedgerFilter all() {
        return new LedgerFilter(null, null, null, null, null, null, null, null, null, false, LedgerSort.REGISTERED, true);
    }

    /**
     * Reads the request parameters; blank means "any". A status is {@code LEAD:…} or {@code PROJECT:…} (lead and project
     * statuses share names like RETURNED). Refuses (400, each error on its field) what is not a valid choice;
     * {@code unitExists} says whether a unit code is known.
     */
    public static LedgerFilter parse(Map<String, String> params, Predicate<String> unitExists) {
        List<FieldError> errors = new ArrayList<>();
        String text = blankToNull(params.get("q"));
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError("q", "搜索内容不能超过 " + MAX_TEXT + " 个字 / q is longer than " + MAX_TEXT));
        }
        String stageName = blankToNull(params.get("stage"));
        LedgerStage stage = stageName == null ? null : LedgerStage.parse(stageName).orElse(null);
        if (stageName != null && stage == null) {
            errors.add(new FieldError("stage", "阶段 " + stageName + " 不存在 / Unknown stage " + stageName));
        }
        String statusText = blankToNull(params.get("status"));
        String statusKind = null;
        String status = null;
        if (statusText != null) {
            Optional<String[]> parsed = parseStatus(statusText);
            if (parsed.isEmpty()) {
                errors.add(new FieldError("status", "状态 " + statusText + " 不存在 / Unknown status " + statusText));
            } else {
                statusKind = parsed.get()[0];
                status = parsed.get()[1];
            }
        }
        String unit = blankToNull(params.get("unit"));
        if (unit != null && !unitExists.test(unit)) {
            errors.add(new FieldError("unit", "单位 " + unit + " 不存在 / Unknown unit " + unit));
        }
        String category = choice(params, "category", CATEGORIES, "产业类别", errors);
        String tier = choice(params, "tier", TIERS, "审批层级", errors);
        LocalDate from = date(params, "from", "开始日期", errors);
        LocalDate to = date(params, "to", "结束日期", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", "结束日期不能早于开始日期 / to is before from"));
        }
        String sortKey = blankToNull(params.get("sort"));
        LedgerSort sort = sortKey == null ? LedgerSort.REGISTERED : LedgerSort.parse(sortKey).orElse(null);
        if (sort == null) {
            errors.add(new FieldError("sort", "不能按 " + sortKey + " 排序 / Unknown sort " + sortKey));
        }
        String dir = blankToNull(params.get("dir"));
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            errors.add(new FieldError("dir", "排序方向只能是 asc 或 desc / dir is asc or desc"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new LedgerFilter(text, stage, statusKind, status, unit, category, tier, from, to,
                params.get("warnings") != null && !params.get("warnings").isBlank(), sort, !"asc".equals(dir));
    }

    /** "LEAD:RETURNED" → {LEAD, RETURNED}, if such a status exists. */
    private static Optional<String[]> parseStatus(String text) {
        String[] parts = text.split(":", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        boolean known = switch (parts[0]) {
            case LedgerRow.LEAD -> isLeadStatus(parts[1]);
            case LedgerRow.PROJECT -> isProjectStatus(parts[1]);
            default -> false;
        };
        return known ? Optional.of(parts) : Optional.empty();
    }

    private static boolean isLeadStatus(String name) {
        // merged duplicates are counted in the lead they were merged into and have no row of their own
        return !name.equals(LeadStatus.MERGED.name())
                && List.of(LeadStatus.values()).stream().anyMatch(s -> s.name().equals(name));
    }

    private static boolean isProjectStatus(String name) {
        return List.of(ProjectStatus.values()).stream().anyMatch(s -> s.name().equals(name));
    }

    /** The parameters of this filter (blank ones left out), for links to other pages, sorts and the export. */
    public Map<String, String> toParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", text);
        put(params, "stage", stage == null ? null : stage.name());
        put(params, "status", status == null ? null : statusKind + ":" + status);
        put(params, "unit", unit);
        put(params, "category", category);
        put(params, "tier", tier);
        put(params, "from", from == null ? null : from.toString());
        put(params, "to", to == null ? null : to.toString());
        put(params, "warnings", warningsOnly ? "on" : null);
        if (sort != LedgerSort.REGISTERED || !descending) {
            params.put("sort", sort.key());
            params.put("dir", descending ? "desc" : "asc");
        }
        return params;
    }

    public LedgerFilter sortedBy(LedgerSort column, boolean descendingOrder) {
        return new LedgerFilter(text, stage, statusKind, status, unit, category, tier, from, to, warningsOnly, column,
                descendingOrder);
    }

    /** The filters a person set (sorting aside): an empty ledger then says "nothing matches" rather than "empty". */
    public boolean narrows() {
        return text != null || stage != null || status != null || unit != null || category != null || tier != null
                || from != null || to != null || warningsOnly;
    }

    /**
     * The query for this filter, a page of it ({@code limit} null: all rows), with the clock the warnings are judged by,
     * over the rows {@code scope} may read.
     */
    LedgerQuery toQuery(DataScope scope, Integer limit, int offset) {
        List<String> leadStatuses = new ArrayList<>();
        List<String> projectStatuses = new ArrayList<>();
        boolean statusFiltered = stage != null || status != null;
        if (statusFiltered) {
            for (LeadStatus s : stage == null ? List.of(LeadStatus.values()) : stage.leadStatuses()) {
                if (status == null || (LedgerRow.LEAD.equals(statusKind) && s.name().equals(status))) {
                    leadStatuses.add(s.name());
                }
            }
            for (ProjectStatus s : stage == null ? List.of(ProjectStatus.values()) : stage.projectStatuses()) {
                if (status == null || (LedgerRow.PROJECT.equals(statusKind) && s.name().equals(status))) {
                    projectStatuses.add(s.name());
                }
            }
        }
        String pattern = text == null ? null
                : "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return new LedgerQuery(pattern, statusFiltered, leadStatuses, projectStatuses, unit, category, tier,
                from == null ? null : startOf(from), to == null ? null : startOf(to.plusDays(1)), warningsOnly,
                sort.key(), descending, EngineClock.today(), EngineClock.now(), limit, offset, null, null, scope);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(EngineClock.BEIJING).toInstant();
    }

    private static String choice(Map<String, String> params, String name, List<String> allowed, String label,
            List<FieldError> errors) {
        String value = blankToNull(params.get(name));
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(name, label + " " + value + " 不存在 / Unknown " + name + " " + value));
            return null;
        }
        return value;
    }

    private static LocalDate date(Map<String, String> params, String name, String label, List<FieldError> errors) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, label + "格式应为 yyyy-MM-dd / " + name + " is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

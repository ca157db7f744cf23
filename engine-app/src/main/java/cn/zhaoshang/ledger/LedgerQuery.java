package cn.zhaoshang.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.security.DataScope;

/**
 * The parameters of LedgerListMapper.xml, as SQL wants them (built by {@link LedgerFilter#toQuery}): a lower-case LIKE
 * pattern, the statuses a stage or status filter allows per row kind, instants for the date range, the clock for the
 * warnings, and a page ({@code limit} null: every row); {@code rowKind} and {@code rowId}, when set, narrow it to one row;
 * {@code scope}: the rows the caller may read (security/Visibility).
 */
public record LedgerQuery(String textPattern, boolean statusFiltered, List<String> leadStatuses,
        List<String> projectStatuses, String unit, String category, String tier, Instant registeredFrom,
        Instant registeredBefore, boolean warningsOnly, String sortKey, boolean descending, LocalDate today,
        Instant now, Integer limit, int offset, String rowKind, Long rowId, DataScope scope) {

    /** This query narrowed to one project's or one lead's row ({@link LedgerRow#PROJECT} / {@link LedgerRow#LEAD}). */
    public LedgerQuery forRow(String kind, long id) {
        return new LedgerQuery(textPattern, statusFiltered, leadStatuses, projectStatuses, unit, category, tier,
                registeredFrom, registeredBefore, warningsOnly, sortKey, descending, today, now, limit, offset, kind, id,
                scope);
    }
}

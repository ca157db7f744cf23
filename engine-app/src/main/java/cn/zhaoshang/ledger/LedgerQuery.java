package cn.zhaoshang.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The parameters of LedgerListMapper.xml, as SQL wants them (built by {@link LedgerFilter#toQuery}): a lower-case LIKE
 * pattern, the statuses a stage or status filter allows per row kind, instants for the date range, the clock for the
 * warnings, and a page ({@code limit} null: every row).
 */
public record LedgerQuery(String textPattern, boolean statusFiltered, List<String> leadStatuses,
        List<String> projectStatuses, String unit, String category, String tier, Instant registeredFrom,
        Instant registeredBefore, boolean warningsOnly, Long projectId, String sortKey, boolean descending,
        LocalDate today, Instant now, Integer limit, int offset) {
}

package cn.zhaoshang.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.unit.UnitMapper;

/**
 * The 项目台账 (qiaocheng §一 台账; xuancheng-2019 §二.2 漏斗式管理): every lead and project with its stage, units,
 * category, investment, land, tier, responsible leader, last update and warnings, for the workbench's ledger page and
 * its Excel export. Both read through {@link #query}, where the caller's data scope is applied.
 */
@Service
public class LedgerService {

    public static final int PAGE_SIZE = 50;

    private final LedgerListMapper ledger;
    private final UnitMapper units;
    private final Visibility visibility;

    public LedgerService(LedgerListMapper ledger, UnitMapper units, Visibility visibility) {
        this.ledger = ledger;
        this.units = units;
        this.visibility = visibility;
    }

    /** The request's filter parameters (see {@link LedgerFilter#PARAMETERS}); 400 with field errors when invalid. */
    public LedgerFilter filter(Map<String, String> params) {
        return LedgerFilter.parse(params, code -> units.findByCode(code).isPresent());
    }

    public record Page(List<LedgerRow> rows, long total, int page, int pages) {
    }

    /** Page {@code page} (from 1; past the last page: the last one) of the rows the filter matches. */
    @Transactional(readOnly = true)
    public Page page(LedgerFilter filter, int page) {
        long total = ledger.count(query(filter, null, 0));
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(1, page), pages);
        List<LedgerRow> rows = ledger.find(query(filter, PAGE_SIZE, (shown - 1) * PAGE_SIZE));
        return new Page(rows, total, shown, pages);
    }

    /** Every row the filter matches, in its order, one at a time (the export does not hold the ledger in memory). */
    @Transactional(readOnly = true)
    public void forEach(LedgerFilter filter, Consumer<LedgerRow> action) {
        try (Cursor<LedgerRow> rows = ledger.stream(query(filter, null, 0))) {
            rows.forEach(action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger row of one project: its stage and warnings as the ledger shows them. */
    @Transactional(readOnly = true)
    public Optional<LedgerRow> project(long projectId) {
        return ledger.find(query(LedgerFilter.all(), 1, 0).forRow(LedgerRow.PROJECT, projectId)).stream().findFirst();
    }

    /** The ledger row of a lead, while it has no project (afterwards its projects are the rows). */
    @Transactional(readOnly = true)
    public Optional<LedgerRow> lead(long leadId) {
        return ledger.find(query(LedgerFilter.all(), 1, 0).forRow(LedgerRow.LEAD, leadId)).stream().findFirst();
    }

    /**
     * Every ledger read goes through here: the rows the caller may read (security/Visibility, the same SQL as the
     * REST API's), so the page, the export, the counts and the project and lead pages agree.
     */
    private LedgerQuery query(LedgerFilter filter, Integer limit, int offset) {
        return filter.toQuery(visibility.scope(), limit, offset);
    }
}

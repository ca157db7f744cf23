package cn.zhaoshang.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.unit.UnitMapper;

/**
 * {@code GET /api/funnel?unit=&from=&to=}: per reporting unit, how far the leads it reported in the period (dates
 * inclusive, Beijing time) have come. The basis of the funnel management the seeds ask for. Counts only the leads the
 * caller may read (security/Visibility): a reporting unit's funnel is its own.
 */
@RestController
@RequestMapping(path = "/api/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
class FunnelController {

    private final FunnelMapper funnel;
    private final UnitMapper units;
    private final Visibility visibility;

    FunnelController(FunnelMapper funnel, UnitMapper units, Visibility visibility) {
        this.funnel = funnel;
        this.units = units;
        this.visibility = visibility;
    }

    @GetMapping
    @Transactional(readOnly = true)
    Funnel get(@RequestParam(required = false) String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.validation(List.of(new FieldError("from", "开始日期不能晚于结束日期 / from is after to")));
        }
        if (unit != null && units.findByCode(unit).isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("unit", "单位 " + unit + " 不存在 / Unknown unit " + unit)));
        }
        Instant start = from == null ? null : from.atStartOfDay(EngineClock.BEIJING).toInstant();
        Instant before = to == null ? null : to.plusDays(1).atStartOfDay(EngineClock.BEIJING).toInstant();
        List<FunnelRow> rows = funnel.countByUnit(visibility.scope(), unit, start, before);
        FunnelRow total = FunnelRow.total("合计", rows);
        return new Funnel(unit, from, to, rows, total);
    }

    record Funnel(String unit, LocalDate from, LocalDate to, List<FunnelRow> units, FunnelRow total) {
    }
}

package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

/**
 * The outside offices' monthly figures (驻外招商机构, chenzhou-2017 §18): visits logged, valid leads (leads the office
 * reported that a research meeting decided VALID in the month), projects of ≥ 1 亿 signed over the posting; a month
 * under the configured visits or valid leads is a warning (zhaoshang.assessment.office).
 */
@Component
public class OutsideOffices {

    private final OfficeMapper offices;
    private final UnitMapper units;
    private final AssessmentProperties properties;

    OutsideOffices(OfficeMapper offices, UnitMapper units, AssessmentProperties properties) {
        this.offices = offices;
        this.units = units;
        this.properties = properties;
    }

    /** One office in one month. {@code warnings} empty when both minimums were met. */
    public record Month(String unitCode, String unitName, String region, YearMonth month, int visits, int minVisits,
            int validLeads, int minValidLeads, int bigProjectsOverPosting, int bigProjectsRequired,
            LocalDate postedFrom, List<String> warnings) {

        public boolean warning() {
            return !warnings.isEmpty();
        }
    }

    /** Every active outside office (unit kind OUTSIDE_OFFICE) in {@code month}. */
    public List<Month> month(YearMonth month) {
        Map<String, OfficeMapper.Office> posted = offices.findOffices().stream()
                .collect(Collectors.toMap(OfficeMapper.Office::unitCode, o -> o));
        List<Month> rows = new ArrayList<>();
        for (Unit unit : units.findAll()) {
            if (unit.active() && UnitKind.OUTSIDE_OFFICE.name().equals(unit.kind())) {
                rows.add(of(unit, posted.get(unit.code()), month));
            }
        }
        return rows;
    }

    public Month of(Unit unit, OfficeMapper.Office office, YearMonth month) {
        AssessmentProperties.Office rules = properties.office();
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        int visits = offices.countVisits(unit.code(), from, to);
        int valid = offices.countValidLeads(unit.code(), from, to);
        LocalDate postedFrom = office == null ? null : office.postedFrom();
        LocalDate postingEnd = office == null || office.postedUntil() == null ? to : office.postedUntil();
        int big = postedFrom == null ? 0 : offices.countBigProjects(unit.code(), postedFrom, postingEnd,
                rules.projectMinInvestmentWan());
        List<String> warnings = new ArrayList<>();
        if (visits < rules.minVisitsPerMonth()) {
            warnings.add("拜访企业 " + visits + " 家，少于 " + rules.minVisitsPerMonth() + " 家");
        }
        if (valid < rules.minValidLeadsPerMonth()) {
            warnings.add("有效线索 " + valid + " 条，少于 " + rules.minValidLeadsPerMonth() + " 条");
        }
        return new Month(unit.code(), unit.name(), office == null ? null : office.region(), month, visits,
                rules.minVisitsPerMonth(), valid, rules.minValidLeadsPerMonth(), big, rules.projectsOverPosting(),
                postedFrom, List.copyOf(warnings));
    }
}

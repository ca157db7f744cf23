package cn.zhaoshang.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.zhaoshang.target.Progress;

/**
 * The units under a fraction of their annual target on the designated metric (zhaoshang.assessment.metric) at a day
 * of the year, each recorded once as an {@code assessment_action} of the year (tongcheng §28).
 */
@Component
class BehindTarget {

    private final Progress progress;
    private final AssessmentMapper mapper;
    private final AssessmentProperties properties;

    BehindTarget(Progress progress, AssessmentMapper mapper, AssessmentProperties properties) {
        this.progress = progress;
        this.mapper = mapper;
        this.properties = properties;
    }

    /** Records an action for each unit behind (one already recorded this year is kept); returns their codes. */
    List<String> record(String kind, int year, LocalDate asOf, BigDecimal fraction, Instant dueAt,
            String processInstanceId, Instant now) {
        List<String> behind = new ArrayList<>();
        for (Progress.Figure f : progress.figures(year, asOf, properties.metric())) {
            if (f.unitCode().isEmpty() || !f.below(fraction)) {
                continue;
            }
            if (mapper.findAction(year, kind, f.unitCode()).isEmpty()) {
                mapper.insertAction(year, kind, f.unitCode(), f.metricCode(), asOf, f.target(), f.actual(), fraction,
                        dueAt, processInstanceId, now);
                behind.add(f.unitCode());
            }
        }
        return behind;
    }

    /** The figure an action was about, for its form. */
    static String fractionLabel(BigDecimal fraction) {
        if (fraction.compareTo(new BigDecimal("0.5")) == 0) {
            return "1/2";
        }
        if (fraction.compareTo(new BigDecimal("0.75")) == 0) {
            return "3/4";
        }
        return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}

package cn.zhaoshang.lead;

import java.util.List;
import java.util.stream.Collectors;

/** The written opinions of a lead's latest consultation round in one line, for the agenda and the minutes. */
public final class ConsultationSummary {

    private ConsultationSummary() {
    }

    public static String latestRound(List<ConsultationOpinion> opinions) {
        int round = opinions.stream().mapToInt(ConsultationOpinion::round).max().orElse(0);
        return opinions.stream()
                .filter(o -> o.round() == round)
                .map(o -> o.departmentName() + "：" + (o.answer() == null ? "未答复"
                        : ConsultationAnswer.valueOf(o.answer()).label()
                                + (o.late() ? "（逾期答复）" : "")
                                + (o.opinion() == null ? "" : "（" + o.opinion() + "）")))
                .collect(Collectors.joining("；"));
    }
}

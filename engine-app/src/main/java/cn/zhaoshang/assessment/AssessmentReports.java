package cn.zhaoshang.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.target.Progress;
import cn.zhaoshang.target.TargetMapper;
import cn.zhaoshang.target.TargetMetric;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

/**
 * The generated documents of the assessment calendar, stored in {@code assessment_document}: the monthly notice (月通报,
 * tongcheng §26, panan-2022 §一.(四), with the ranking of xuancheng-2019 §四.1) and the annual assessment report per unit
 * with its 一票评优 / 一票否优 verdict (panan-2022 §四.(二); tongcheng §28; xuancheng-2019 §三.2).
 */
@Component
public class AssessmentReports {

    /** assessment_document.verdict */
    public static final String EXCELLENT_BY_ONE_VOTE = "EXCELLENT_BY_ONE_VOTE";
    public static final String NOT_EXCELLENT = "NOT_EXCELLENT";
    public static final String NONE = "NONE";

    private final Progress progress;
    private final TargetMapper targets;
    private final AssessmentMapper mapper;
    private final OutsideOffices offices;
    private final UnitMapper units;
    private final AssessmentProperties properties;
    private final CriticismMapper criticisms;

    AssessmentReports(Progress progress, TargetMapper targets, AssessmentMapper mapper, OutsideOffices offices,
            UnitMapper units, AssessmentProperties properties, CriticismMapper criticisms) {
        this.criticisms = criticisms;
        this.progress = progress;
        this.targets = targets;
        this.mapper = mapper;
        this.offices = offices;
        this.units = units;
        this.properties = properties;
    }

    public static String title(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月全县招商引资工作通报";
    }

    /** The notice for {@code month}: figures to its last day, replacing an earlier notice of the same month. */
    public long monthlyNotice(YearMonth month) {
        Instant now = EngineClock.now();
        int year = month.getYear();
        LocalDate asOf = month.atEndOfMonth();
        List<Progress.Figure> figures = progress.figures(year, asOf, null);
        String rankingMetric = properties.metric();
        List<Progress.Rank> ranking = progress.ranking(year, asOf, rankingMetric);
        String rankingName = targets.findMetric(rankingMetric).map(TargetMetric::name).orElse(rankingMetric);
        String title = title(month);
        OfficialDocument doc = new OfficialDocument(title, properties.organiser() + "　" + day(now), properties.organiser(), now);
        doc.paragraph("根据项目全生命周期台账（签约、开工节点和落户载体登记的实际到位资金），现将截至" + asOf.getYear() + "年"
                + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日各单位招商引资目标任务完成情况通报如下。");
        doc.heading("一、全县完成情况");
        List<List<String>> county = new ArrayList<>();
        figures.stream().filter(f -> f.unitCode().isEmpty()).forEach(f -> county.add(List.of(f.metricName(),
                value(f.target(), f.unitLabel()), value(f.actual(), f.unitLabel()), percent(f))));
        doc.table(List.of("指标", "年度目标", "累计完成", "完成率"), county, new int[] {4, 2, 2, 2});
        doc.heading("二、排行榜（" + rankingName + "）");
        List<List<String>> rows = new ArrayList<>();
        ranking.forEach(r -> rows.add(List.of(String.valueOf(r.rank()), r.figure().unitName(),
                value(r.figure().target(), r.figure().unitLabel()), value(r.figure().actual(), r.figure().unitLabel()),
                percent(r.figure()))));
        if (rows.isEmpty()) {
            doc.paragraph("本年度尚无单位下达该项目标任务。");
        } else {
            doc.table(List.of("名次", "单位", "年度目标", "累计完成", "完成率"), rows, new int[] {1, 4, 2, 2, 2});
        }
        doc.heading("三、各单位分项完成情况");
        List<List<String>> detail = new ArrayList<>();
        figures.stream().filter(f -> !f.unitCode().isEmpty() && f.target() != null).forEach(f -> detail.add(List.of(
                f.unitName(), f.metricName(), value(f.target(), f.unitLabel()), value(f.actual(), f.unitLabel()),
                percent(f))));
        if (detail.isEmpty()) {
            doc.paragraph("本年度尚无生效的单位目标任务。");
        } else {
            doc.table(List.of("单位", "指标", "年度目标", "累计完成", "完成率"), detail, new int[] {3, 4, 2, 2, 2});
        }
        doc.heading("四、驻外招商机构工作情况");
        List<List<String>> officeRows = new ArrayList<>();
        offices.month(month).forEach(o -> officeRows.add(List.of(o.unitName(), o.visits() + " 家", o.validLeads() + " 条",
                o.bigProjectsOverPosting() + " / " + o.bigProjectsRequired(), o.warning() ? "预警：" + String.join("；",
                        o.warnings()) : "达标")));
        if (officeRows.isEmpty()) {
            doc.paragraph("无驻外招商机构。");
        } else {
            doc.table(List.of("驻外招商机构", "本月拜访企业", "本月有效线索", "驻点期内亿元以上项目", "情况"), officeRows,
                    new int[] {3, 2, 2, 2, 4});
        }
        doc.heading("五、有关要求");
        doc.paragraph("各单位要对照年度目标任务倒排时间、挂图作战。6月30日前未完成全年任务1/2的单位，由分管副县长约谈其主要负责同志；"
                + "9月30日前未完成全年任务3/4的单位，其主要负责同志须于10月5日前离岗招商（桐城 28）。");
        byte[] content = doc.finish("本通报由系统根据项目台账生成", now);
        String period = month.toString();
        mapper.deleteDocument(Assessment.NOTICE_DOCUMENT, period, "");
        mapper.insertDocument(Assessment.NOTICE_DOCUMENT, period, "", title, title + ".docx", content, null, now);
        return mapper.findDocuments(Assessment.NOTICE_DOCUMENT, 500).stream().filter(d -> d.period().equals(period))
                .findFirst().orElseThrow().id();
    }

    /** One unit's verdict and why. */
    public record Verdict(String code, String label, List<String> reasons) {
    }

    /**
     * 一票否优 wins over 一票评优 (panan-2022 §四.(二): 一票评优…有其他一票否决事项除外): not excellent when an annual
     * target was not completed (tongcheng §28, xuancheng-2019 §三.2), the 离岗招商 report was late (未及时完成交办任务) or
     * a notice criticised the unit in the year (被批评通报); excellent by one vote when the unit exceeded its target of
     * 7亿元以上制造业项目, or had none and signed one.
     */
    public Verdict verdict(String unitCode, int year, List<Progress.Figure> figures, List<AssessmentAction> actions,
            List<Criticism> criticised) {
        List<String> against = new ArrayList<>();
        figures.stream().filter(f -> f.unitCode().equals(unitCode) && f.target() != null && f.target().signum() > 0
                && f.actual().compareTo(f.target()) < 0).forEach(f -> against.add("未完成年度目标「" + f.metricName()
                        + "」（目标 " + value(f.target(), f.unitLabel()) + "，完成 " + value(f.actual(), f.unitLabel()) + "）"));
        actions.stream().filter(a -> a.unitCode().equals(unitCode) && Assessment.OFFICE_OUT.equals(a.kind()) && a.late())
                .forEach(a -> against.add("离岗招商情况未在规定时间内报送"));
        criticised.stream().filter(c -> c.unitCode().equals(unitCode)).forEach(c -> against.add("被批评通报（"
                + c.documentNumber() + "，" + c.criticisedOn() + "）：" + c.reason()));
        if (!against.isEmpty()) {
            return new Verdict(NOT_EXCELLENT, "一票否优", against);
        }
        Optional<Progress.Figure> excellence = figures.stream()
                .filter(f -> f.unitCode().equals(unitCode) && f.metricCode().equals(properties.excellenceMetric()))
                .findFirst();
        if (excellence.isPresent()) {
            Progress.Figure f = excellence.get();
            boolean hasTarget = f.target() != null && f.target().signum() > 0;
            if (hasTarget && f.actual().compareTo(f.target()) > 0) {
                return new Verdict(EXCELLENT_BY_ONE_VOTE, "一票评优", List.of("超额完成年度「" + f.metricName() + "」目标（目标 "
                        + value(f.target(), f.unitLabel()) + "，完成 " + value(f.actual(), f.unitLabel()) + "）"));
            }
            if (!hasTarget && f.actual().signum() > 0) {
                return new Verdict(EXCELLENT_BY_ONE_VOTE, "一票评优", List.of("无该项招引任务，招引「" + f.metricName()
                        + "」签约落地 " + value(f.actual(), f.unitLabel())));
            }
        }
        return new Verdict(NONE, "按综合考评", List.of("完成全部年度目标任务，无一票评优或一票否优情形"));
    }

    /** The annual reports of {@code year}: one per unit with a target (or a figure on the excellence metric). */
    public int annualReports(int year) {
        Instant now = EngineClock.now();
        LocalDate asOf = LocalDate.of(year, 12, 31);
        List<Progress.Figure> figures = progress.figures(year, asOf, null);
        List<AssessmentAction> actions = mapper.findActions(year);
        List<Criticism> criticised = criticisms.findBetween(LocalDate.of(year, 1, 1), asOf);
        Map<String, Unit> unitsByCode = new LinkedHashMap<>();
        units.findAll().forEach(u -> unitsByCode.put(u.code(), u));
        List<String> assessed = figures.stream().filter(f -> !f.unitCode().isEmpty()
                && (f.target() != null || f.metricCode().equals(properties.excellenceMetric())))
                .map(Progress.Figure::unitCode).distinct().toList();
        for (String code : assessed) {
            Unit unit = unitsByCode.get(code);
            String name = unit == null ? code : unit.name();
            Verdict verdict = verdict(code, year, figures, actions, criticised);
            String title = year + "年度" + name + "招商引资工作考核报告";
            OfficialDocument doc = new OfficialDocument(title, properties.organiser(), properties.organiser(), now);
            doc.heading("一、年度目标任务完成情况");
            List<List<String>> rows = new ArrayList<>();
            figures.stream().filter(f -> f.unitCode().equals(code)).forEach(f -> rows.add(List.of(f.metricName(),
                    value(f.target(), f.unitLabel()), value(f.actual(), f.unitLabel()), percent(f),
                    f.target() == null ? "无任务" : f.actual().compareTo(f.target()) >= 0 ? "完成" : "未完成")));
            doc.table(List.of("指标", "年度目标", "全年完成", "完成率", "结论"), rows, new int[] {4, 2, 2, 2, 2});
            doc.heading("二、约谈、离岗招商和批评通报情况");
            List<AssessmentAction> own = actions.stream().filter(a -> a.unitCode().equals(code)).toList();
            List<Criticism> ownCriticisms = criticised.stream().filter(c -> c.unitCode().equals(code)).toList();
            ownCriticisms.forEach(c -> doc.paragraph("批评通报：" + c.criticisedOn() + "，" + c.documentNumber() + "，"
                    + c.reason()));
            if (own.isEmpty()) {
                doc.paragraph("本年度未被约谈，未被要求离岗招商" + (ownCriticisms.isEmpty() ? "，未被批评通报。" : "。"));
            } else {
                own.forEach(a -> doc.paragraph(a.kindLabel() + "：截至" + a.asOf() + "完成 " + Progress.plain(a.actualValue())
                        .toPlainString() + "，目标 " + Progress.plain(a.targetValue()).toPlainString() + "；" + a.statusLabel()
                        + (a.record() == null ? "" : "。记录：" + a.record())));
            }
            doc.heading("三、考评结论：" + verdict.label());
            verdict.reasons().forEach(doc::paragraph);
            doc.paragraph("依据：磐安县招商引资全生命周期管理实施意见（2022）四、（二）“一票评优”“一票否优”；桐城市“双招双引”意见 28；"
                    + "宣城市招商引资工作机制意见（2019）三、2。");
            byte[] content = doc.finish("本报告由系统根据项目台账生成", now);
            String period = String.valueOf(year);
            mapper.deleteDocument(Assessment.ANNUAL_DOCUMENT, period, code);
            mapper.insertDocument(Assessment.ANNUAL_DOCUMENT, period, code, title, title + ".docx", content,
                    verdict.code(), now);
        }
        return assessed.size();
    }

    /** "目标 10 个，截至 6月30日 完成 3 个（30.0%），低于 1/2" for the interview and report forms. */
    public static String summary(Progress.Figure f, LocalDate asOf, String fractionLabel) {
        return f.metricName() + "：年度目标 " + value(f.target(), f.unitLabel()) + "，截至" + asOf.getMonthValue() + "月"
                + asOf.getDayOfMonth() + "日完成 " + value(f.actual(), f.unitLabel()) + "（" + percent(f) + "），未达全年任务"
                + fractionLabel;
    }

    /** The quarter's figures as the county head reads them. */
    public String quarterSummary(int year, int quarter) {
        LocalDate asOf = YearMonth.of(year, quarter * 3).atEndOfMonth();
        StringBuilder text = new StringBuilder();
        for (Progress.Figure f : progress.figures(year, asOf, null)) {
            if (f.unitCode().isEmpty() || f.target() != null) {
                text.append(text.length() == 0 ? "" : "\n").append(f.unitName()).append(" · ").append(f.metricName())
                        .append("：目标 ").append(value(f.target(), f.unitLabel())).append("，完成 ")
                        .append(value(f.actual(), f.unitLabel())).append("（").append(percent(f)).append("）");
            }
        }
        return text.length() == 0 ? "本年度尚无目标任务和完成数据。" : text.toString();
    }

    static String value(BigDecimal v, String unitLabel) {
        return v == null ? "—" : Progress.plain(v).toPlainString() + " " + unitLabel;
    }

    static String percent(Progress.Figure f) {
        return f.percent() == null ? "—" : f.percent().toPlainString() + "%";
    }

    private static String day(Instant at) {
        LocalDate d = at.atZone(EngineClock.BEIJING).toLocalDate();
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}

package cn.zhaoshang.assessment;

import java.math.BigDecimal;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assessment calendar's dates, fractions and thresholds ({@code zhaoshang.assessment} in application.yaml): an
 * administrator changes them there, never in Java. Crons are Quartz-style (seconds first) in the server's time zone
 * (run the nodes with {@code -Duser.timezone=Asia/Shanghai}, docs/operations.md); as-of days and the report deadline
 * are Beijing calendar days.
 *
 * @param metric the metric the June and September checks look at (tongcheng §28 全年任务)
 * @param excellenceMetric the metric whose exceeded target earns 一票评优 (panan-2022 §四.(二): 7亿元以上制造业项目)
 * @param organiser who issues the notices and reports
 */
@ConfigurationProperties(prefix = "zhaoshang.assessment")
public record AssessmentProperties(String metric, String excellenceMetric, String organiser, MonthlyNotice monthlyNotice, Check midYear,
        Check nineMonth, Cycle quarterly, Cycle annual, Office office) {

    public AssessmentProperties {
        metric = metric == null ? "SIGNED_PROJECTS" : metric;
        excellenceMetric = excellenceMetric == null ? "MANUFACTURING_700M" : excellenceMetric;
        organiser = organiser == null ? "县招商引资工作领导小组办公室（县投资促进中心）" : organiser;
        monthlyNotice = monthlyNotice == null ? new MonthlyNotice(null, null) : monthlyNotice;
        midYear = midYear == null ? new Check("0 0 18 30 6 ?", MonthDay.of(6, 30), new BigDecimal("0.5"), null) : midYear;
        nineMonth = nineMonth == null ? new Check("0 0 18 30 9 ?", MonthDay.of(9, 30), new BigDecimal("0.75"),
                MonthDay.of(10, 5)) : nineMonth;
        quarterly = quarterly == null ? new Cycle("0 0 9 5 1,4,7,10 ?") : quarterly;
        annual = annual == null ? new Cycle("0 0 9 10 1 ?") : annual;
        office = office == null ? new Office(15, 3, 6, new BigDecimal("10000")) : office;
    }

    /** 月通报: the month's first timer (cron), then the first working day at {@code hour} (Beijing). */
    public record MonthlyNotice(String cycle, Integer hour) {
        public MonthlyNotice {
            cycle = cycle == null ? "0 30 0 1 * ?" : cycle;
            hour = hour == null ? 9 : hour;
        }
    }

    /**
     * A check of the year so far: when it runs (cron), the day the figures are counted to, the share of the annual
     * target a unit must have reached, and (离岗招商) the day the report is due.
     */
    public record Check(String cycle, MonthDay asOf, BigDecimal fraction, MonthDay reportDue) {
    }

    public record Cycle(String cycle) {
    }

    /**
     * 驻外招商机构 (chenzhou-2017 §18): 每月拜访企业不少于15家, 每月报送有效项目线索不少于3条, 3年内引荐亿元以上项目6个.
     */
    public record Office(int minVisitsPerMonth, int minValidLeadsPerMonth, int projectsOverPosting,
            BigDecimal projectMinInvestmentWan) {
    }
}

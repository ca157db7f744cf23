package cn.zhaoshang.assessment;

/**
 * Names shared by the assessment calendar's models (process-models/MonthlyNotice, MidYearInterview, OfficeOutOrder,
 * QuarterlyDispatch, AnnualAssessment), their forms and the Java code.
 *
 * <p>Seeds: tongcheng §26 (月通报、季调度、年终考核), §28 (约谈、离岗招商), panan-2022 §一.(四) and §四.(二)–(三),
 * xuancheng-2019 §三.2 and §四.1 (排行榜), chenzhou-2017 §18 and §21.
 */
public final class Assessment {

    private Assessment() {
    }

    public static final String MONTHLY_NOTICE = "Process_MonthlyNotice";
    public static final String MID_YEAR_INTERVIEW = "Process_MidYearInterview";
    public static final String OFFICE_OUT_ORDER = "Process_OfficeOutOrder";
    public static final String QUARTERLY_DISPATCH = "Process_QuarterlyDispatch";
    public static final String ANNUAL_ASSESSMENT = "Process_AnnualAssessment";

    public static final String MESSAGE_NOTICE_REQUESTED = "Message_MonthlyNoticeRequested";
    public static final String MESSAGE_ASSESSMENT_REQUESTED = "Message_AnnualAssessmentRequested";

    /** assessment_action.kind */
    public static final String INTERVIEW = "INTERVIEW";
    public static final String OFFICE_OUT = "OFFICE_OUT";

    /** assessment_document.kind */
    public static final String NOTICE_DOCUMENT = "MONTHLY_NOTICE";
    public static final String ANNUAL_DOCUMENT = "ANNUAL_REPORT";

    public static final class Var {
        private Var() {
        }

        /** the units (codes) under the fraction of their target, one task or sub-process each. */
        public static final String UNITS_BEHIND = "unitsBehind";
        public static final String UNITS_BEHIND_COUNT = "unitsBehindCount";
        /** the multi-instance element: the unit of this task. */
        public static final String UNIT_CODE = "unitCode";
        public static final String YEAR = "year";
        /** 离岗招商: the report deadline (ISO date-time, the end of the day in Beijing). */
        public static final String REPORT_DUE_AT = "reportDueAt";
        // shown on the forms (task-local)
        public static final String UNIT_NAME = "unitName";
        public static final String PROGRESS_SUMMARY = "progressSummary";
        public static final String REPORT_DUE_ON = "reportDueOn";
        // what the deputy head / the unit head records
        public static final String HELD_ON = "heldOn";
        public static final String PARTICIPANTS = "participants";
        public static final String RECORD = "record";
        public static final String MEASURES = "measures";
        public static final String DEPARTED_ON = "departedOn";
        public static final String DESTINATION = "destination";
        // monthly notice / annual assessment on demand
        /** YYYY-MM of the notice asked for. */
        public static final String PERIOD = "period";
        // quarterly dispatch
        public static final String DISPATCH_ID = "dispatchId";
        public static final String QUARTER_LABEL = "quarterLabel";
        public static final String QUARTER_SUMMARY = "quarterSummary";
        public static final String INSTRUCTIONS = "instructions";
    }

    public static final class Step {
        private Step() {
        }

        public static final String INTERVIEW = "Task_InterviewUnitHead";
        public static final String REPORT_OFFICE_OUT = "Task_ReportOfficeOut";
        public static final String DISPATCH_QUARTER = "Task_DispatchQuarter";
    }

    public static final class Form {
        private Form() {
        }

        public static final String INTERVIEW = "form_assessment_interview";
        public static final String OFFICE_OUT = "form_assessment_office_out";
        public static final String DISPATCH = "form_assessment_dispatch";
    }

    public static final class Bean {
        private Bean() {
        }

        /** helper bean: the crons, the first working day of the month, the unit heads. */
        public static final String SCHEDULE = "assessmentSchedule";
        public static final String GENERATE_NOTICE = "generateMonthlyNoticeDelegate";
        public static final String FIND_FOR_INTERVIEW = "findUnitsForInterviewDelegate";
        public static final String RECORD_INTERVIEW = "recordInterviewListener";
        public static final String ORDER_OFFICE_OUT = "orderOfficeOutDelegate";
        public static final String RECORD_OFFICE_OUT = "recordOfficeOutReportListener";
        public static final String RECORD_LATENESS = "recordReportLatenessDelegate";
        public static final String PREPARE_DISPATCH = "prepareQuarterlyDispatchDelegate";
        public static final String RECORD_DISPATCH = "recordDispatchListener";
        public static final String GENERATE_ANNUAL = "generateAnnualReportsDelegate";
    }

    /** 单位主要负责人: receives the 离岗招商 report task of their own unit (a member of this group and of the unit). */
    public static final String UNIT_HEAD_GROUP = cn.zhaoshang.system.Groups.UNIT_HEAD;
}

package cn.zhaoshang.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementService;
import cn.zhaoshang.appeal.AppealService;
import cn.zhaoshang.incentive.ClaimRequest;
import cn.zhaoshang.incentive.IncentiveClaims;
import cn.zhaoshang.approval.LandingApplication;
import cn.zhaoshang.approval.LandingApplicationService;
import cn.zhaoshang.approval.LandingApplicationSubmission;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.lead.LeadReport;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.lead.LeadService;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.meeting.MeetingRequests;
import cn.zhaoshang.meeting.ResearchMeeting;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.task.TaskActionService;

/**
 * Demo profile: leads and projects at every stage of the lifecycle, so a newcomer logging in as any demo user finds
 * work waiting. Everything goes through the same services, processes and checks as real work — reported by
 * {@code reporter}, checked by {@code center}, answered by the departments, decided in a research meeting, negotiated by
 * the task force, approved by tier; then the back half: an agreement draft (a real DOCX) in the justice bureau's legal
 * review, a signed project in fulfilment with its first milestone recorded, an enterprise appeal waiting for
 * acceptance, and two incentive claims (an advisor's, a chamber's) waiting for verification — once, on an empty
 * database.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "zhaoshang.demo.projects", havingValue = "true")
class DemoLifecycle implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLifecycle.class);
    private static final List<String> DEPARTMENTS = List.of("drc", "env", "emergency", "nr", "carrier");

    private final LeadService leads;
    private final LeadMapper leadRows;
    private final ProjectMapper projects;
    private final TaskActionService tasks;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final MeetingRequests meetings;
    private final LandingApplicationService applications;
    private final AgreementService agreements;
    private final AppealService appeals;
    private final IncentiveClaims incentives;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;

    DemoLifecycle(LeadService leads, LeadMapper leadRows, ProjectMapper projects, TaskActionService tasks,
            TaskService taskService, IdentityService identityService, MeetingRequests meetings,
            LandingApplicationService applications, AgreementService agreements, AppealService appeals,
            IncentiveClaims incentives, RuntimeService runtimeService, ObjectMapper json) {
        this.incentives = incentives;
        this.leads = leads;
        this.leadRows = leadRows;
        this.projects = projects;
        this.tasks = tasks;
        this.taskService = taskService;
        this.identityService = identityService;
        this.meetings = meetings;
        this.applications = applications;
        this.agreements = agreements;
        this.appeals = appeals;
        this.runtimeService = runtimeService;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (leadRows.count() > 0 || projects.count() > 0) {
            return;
        }
        // four leads screened and decided by one research meeting
        long valid1 = screened(lead("磐安县𠮷祥农旅开发有限公司", "花溪民宿综合体", "CULTURE_TOURISM", "SERVICE", "8000", "15"));
        long valid2 = screened(lead("浙江华锐新材料股份有限公司", "年产5万吨高性能复合材料项目", "NEW_ENERGY", "INDUSTRIAL",
                "15000", "45"));
        long valid3 = screened(lead("金磐智造科技有限公司", "智能装备零部件生产线", "MANUFACTURING", "INDUSTRIAL", "12000", "40"));
        long invalid = screened(lead("某某矿业有限公司", "石材开采加工项目", "OTHER", "INDUSTRIAL", "5000", "60"));
        long valid4 = screened(lead("磐安县云峰茶业有限公司", "高山云雾茶精深加工项目", "AGRICULTURE", "SERVICE", "6000", "12"));
        long valid5 = screened(lead("浙江恒磐精密机械有限公司", "精密铸件智能化技改项目", "MANUFACTURING", "INDUSTRIAL", "9000",
                "25"));
        String meeting = as("center", () -> meetings.requestAdHoc("center", "演示：集中研判已征询完毕的线索", null).getId());
        complete(meeting, ResearchMeeting.Step.RECORD_MEETING, "center", Map.of(
                "heldOn", java.time.LocalDate.now().toString(),
                "attendees", "分管副县长（主持）、投资促进中心、发改局、生态环境分局、应急管理局、自然资源和规划局、城东工业园区",
                "itemDecisions", List.of(
                        decision(valid1, "VALID", "符合文旅康养产业导向", "town-jianshan", "分管副县长 李明"),
                        decision(valid2, "VALID", "符合新材料产业链招商方向", "park-chengdong", "分管副县长 李明"),
                        decision(valid3, "VALID", "开发区主导产业项目", "devzone-jinpan", "分管副县长 王强"),
                        decision(valid4, "VALID", "符合茶产业全链条发展方向", "town-jianshan", "分管副县长 李明"),
                        decision(valid5, "VALID", "符合装备制造产业链招商方向", "park-chengdong", "分管副县长 李明"),
                        decision(invalid, "INVALID", "属于限制类矿产开采项目，不符合生态保护要求", null, null))));

        // the task force: an inspection, then joint review opinions that start landing approval
        Project p1 = projectOf(valid1);
        Project p2 = projectOf(valid2);
        Project p3 = projectOf(valid3);
        complete(p3.getNegotiationProcessInstanceId(), InspectionNegotiation.Step.NEGOTIATE, "deputy", Map.of(
                "entry", "INSPECTION", "heldOn", java.time.LocalDate.now().toString(), "place", "宁波慈溪企业总部",
                "participants", "分管副县长、金磐开发区、经信局", "summary", "实地考察企业现有生产线，产能与技术水平符合预期。"));
        String a1 = sign(p1, new LandingApplication(p1.getCompanyName(), p1.getProjectName(), "SERVICE",
                new BigDecimal("8000"), true, new BigDecimal("15"), false, false, "尖山镇"));
        sign(p2, new LandingApplication(p2.getCompanyName(), p2.getProjectName(), "INDUSTRIAL",
                new BigDecimal("15000"), true, new BigDecimal("45"), false, false, "城东工业园区"));
        complete(a1, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD, "countyhead",
                Map.of("decision", "APPROVE", "opinion", "同意落地，请分管副县长审批。"));

        // the back half (DESIGN.md steps 7–9, qiaocheng §六, chenzhou §3, tongcheng §22)
        Project p4 = projectOf(valid4);
        Project p5 = projectOf(valid5);
        approved(p4, new LandingApplication(p4.getCompanyName(), p4.getProjectName(), "SERVICE", new BigDecimal("6000"),
                true, new BigDecimal("12"), false, false, "尖山镇"));
        uploadDraft(p4, "投资协议（初稿）", "甲方：磐安县人民政府；乙方：" + p4.getCompanyName() + "。乙方在尖山镇投资建设"
                + p4.getProjectName() + "，总投资 6000 万元，用地约 12 亩。");
        approved(p5, new LandingApplication(p5.getCompanyName(), p5.getProjectName(), "INDUSTRIAL", new BigDecimal("9000"),
                true, new BigDecimal("25"), false, false, "城东工业园区"));
        String agreement5 = uploadDraft(p5, "投资协议（送审稿）", "甲方：磐安县人民政府；乙方：" + p5.getCompanyName()
                + "。乙方在城东工业园区投资建设" + p5.getProjectName() + "，总投资 9000 万元，用地约 25 亩，签约后 6 个月内开工。");
        complete(agreement5, AgreementReview.Step.REVIEW_BY_JUSTICE, "justice",
                Map.of("decision", "PASS", "opinion", "经审查，协议内容符合法律法规和招商引资政策。"));
        String today = EngineClock.today().toString();
        complete(agreement5, AgreementReview.Step.SIGN_AGREEMENT, "deputy", Map.of("contractNumber", "磐招协〔"
                + EngineClock.today().getYear() + "〕1号", "signedOn", today, "agreedInvestmentWan", 9000));
        complete(processOf(Fulfilment.PROCESS_KEY, p5), Fulfilment.Step.RECORD_MILESTONE, "carrier", Map.of(
                "reachedOn", today, "evidence", "已办理营业执照（统一社会信用代码 91330727MA2DEMO01X）"));
        as("center", () -> appeals.submit(p5.getId(), p5.getCompanyName(), "REQUEST", "施工临时用电接入",
                "项目已开工准备，施工临时用电申请已提交供电所两周仍未接入，请协调尽快接电。"));
        // incentive claims waiting for the center's verification (chenzhou §5; qiaocheng §八)
        as("center", () -> incentives.submit(new ClaimRequest("ADVISOR", p5.getId(), "招商顾问 王海", null, null, null,
                "演示：牵线引进" + p5.getCompanyName())));
        as("center", () -> incentives.submit(new ClaimRequest("CHAMBER", null, "磐安县温州商会", EngineClock.today()
                .getYear() - 1, null, null, "演示：上年度考核通报的招商贡献商会")));

        // leads still being screened: at the completeness check, in consultation, waiting for the next meeting
        report(lead("云山文化传媒有限公司", "数字文创运营中心（租赁厂房）", "DIGITAL", "SERVICE", "3000", null));
        long consulting = checked(report(lead("中药谷健康产业集团有限公司", "中药材精深加工及康养基地", "HEALTH_CARE",
                "SERVICE", "18000", "35")));
        answer(consulting, "drc");
        screened(lead("新加坡宏图食品（磐安）有限公司", "高山冷水茭白深加工项目", "AGRICULTURE", "SERVICE", "6000", "18"));
        log.info("Demo data: {} leads, {} projects", leadRows.count(), projects.count());
    }

    private long screened(LeadReport report) {
        long leadId = checked(report(report));
        DEPARTMENTS.forEach(user -> answer(leadId, user));
        return leadId;
    }

    private long report(LeadReport report) {
        return as("reporter", () -> leads.report(report).leadId());
    }

    private long checked(long leadId) {
        complete(processOfLead(leadId), LeadScreening.Step.CHECK_COMPLETENESS, "center",
                Map.of("decision", "COMPLETE", "opinion", "资料齐全"));
        return leadId;
    }

    private void answer(long leadId, String user) {
        String process = processOfLead(leadId);
        List<String> groups = groupsOf(user);
        Task task = taskService.createTaskQuery().processInstanceId(process)
                .taskDefinitionKey(LeadScreening.Step.ANSWER_CONSULTATION).taskCandidateGroupIn(groups).active()
                .unlimitedList().stream().findFirst().orElseThrow();
        as(user, () -> {
            tasks.complete(task.getId(), json.valueToTree(Map.of("answer", "AGREE", "opinion", "符合本部门准入要求，同意。")), user);
            return null;
        });
    }

    private String sign(Project project, LandingApplication a) {
        LandingApplicationSubmission submission = new LandingApplicationSubmission(project.getId(),
                "经实地考察和多轮洽谈，项目投资主体实力较强，建议同意落地。", a.companyName(), a.projectName(),
                a.projectCategory(), a.totalInvestmentWan(), a.landRequired(), a.landAreaMu(), a.caseByCaseSupport(),
                a.devZone(), a.carrierUnit());
        return as("deputy", () -> applications.submit(submission, "deputy").processInstanceId());
    }

    /** The joint opinion signed by {@code deputy}, then 县长同意 and 分管副县长审批 (tier T1): the agreement begins. */
    private void approved(Project project, LandingApplication application) {
        String approval = sign(project, application);
        complete(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD, "countyhead",
                Map.of("decision", "APPROVE", "opinion", "同意落地，请分管副县长审批。"));
        complete(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD, "deputy",
                Map.of("decision", "APPROVE", "opinion", "同意。"));
    }

    /** {@code deputy} (who signed the joint opinion, so negotiates) uploads a draft in the government's name. */
    private String uploadDraft(Project project, String title, String text) {
        byte[] docx = docx(title, text);
        as("deputy", () -> agreements.uploadDraft(project.getId(), title + ".docx", docx, "GOVERNMENT", "演示：" + title,
                "deputy"));
        return processOf(AgreementReview.PROCESS_KEY, project);
    }

    private String processOf(String processKey, Project project) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(project.getId())).singleResult().getId();
    }

    /** A small real Word document, as a negotiator would upload it. */
    private static byte[] docx(String title, String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFRun heading = document.createParagraph().createRun();
            heading.setBold(true);
            heading.setText(title);
            document.createParagraph().createRun().setText(text);
            document.createParagraph().createRun().setText("（演示数据）");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void complete(String processInstanceId, String step, String user, Map<String, Object> body) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .active().unlimitedList().stream().findFirst().orElseThrow();
        as(user, () -> {
            tasks.complete(task.getId(), json.valueToTree(body), user);
            return null;
        });
    }

    private String processOfLead(long leadId) {
        return leadRows.findById(leadId).orElseThrow().getProcessInstanceId();
    }

    private Project projectOf(long leadId) {
        return projects.findByLeadId(leadId).get(0);
    }

    private <T> T as(String user, java.util.function.Supplier<T> call) {
        identityService.setAuthentication(user, groupsOf(user));
        try {
            return call.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).unlimitedList().stream().map(Group::getId).toList();
    }

    private static Map<String, Object> decision(long leadId, String decision, String reason, String unit, String leader) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("leadId", leadId);
        item.put("decision", decision);
        item.put("reason", reason);
        item.put("responsibleUnit", unit);
        item.put("taskForceLeader", leader);
        return item;
    }

    private static LeadReport lead(String company, String project, String industry, String category, String investmentWan,
            String landMu) {
        boolean foreign = company.startsWith("新加坡");
        return new LeadReport(company, project, industry, category, new BigDecimal(investmentWan),
                foreign ? new BigDecimal("500") : null, foreign ? "新加坡" : null, landMu != null,
                landMu == null ? null : new BigDecimal(landMu), "group-chengdong", "张建国", null, "陈经理", "13857900001");
    }

}

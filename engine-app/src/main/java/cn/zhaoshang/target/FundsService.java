package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.agreement.Agreement;
import cn.zhaoshang.agreement.AgreementMapper;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

/**
 * 实际到位资金 (chenzhou-2017 §1 总量指标: 实际到位资金): the carrier of a signed project records each amount that arrived,
 * with the day and the evidence; the progress on SUM_FUNDS metrics is the sum of these, never a typed-in total. Only the
 * project's own carrier (a member of {@code carrier} whose unit is the project's 落户载体, by code or name) or the
 * investment center records; the entry goes into the project's ledger.
 */
@Service
public class FundsService {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private final FundsMapper funds;
    private final ProjectMapper projects;
    private final AgreementMapper agreements;
    private final ProjectLedger ledger;
    private final UnitMapper units;
    private final Visibility visibility;

    FundsService(FundsMapper funds, ProjectMapper projects, AgreementMapper agreements, ProjectLedger ledger,
            UnitMapper units, Visibility visibility) {
        this.funds = funds;
        this.projects = projects;
        this.agreements = agreements;
        this.ledger = ledger;
        this.units = units;
        this.visibility = visibility;
    }

    public record Entry(BigDecimal amountWan, LocalDate inPlaceOn, String evidence) {
    }

    /** The project's carrier unit as a unit of the table, if its free-text 落户载体 names one. */
    public boolean isCarrierOf(String userId, Project project) {
        Optional<Unit> unit = units.findUnitOfUser(userId);
        return unit.isPresent() && (unit.get().code().equals(project.getCarrierUnit())
                || unit.get().name().equals(project.getCarrierUnit()));
    }

    @Transactional
    public FundsInPlace record(long projectId, Entry entry, String actor, boolean center) {
        visibility.requireProject(projectId);
        Project project = projects.findById(projectId).orElseThrow(() -> ApiException.notFound("项目 " + projectId
                + " 不存在 / Project " + projectId + " not found"));
        if (!center && !isCarrierOf(actor, project)) {
            throw ApiException.forbidden("只有该项目的落户载体或投资促进中心可以登记到位资金 / Only the project's carrier or the "
                    + "investment center records funds in place");
        }
        if (project.getStatus() != ProjectStatus.SIGNED) {
            throw ApiException.conflict("NOT_SIGNED", "项目尚未签约，不能登记到位资金 / The project is not signed");
        }
        Agreement agreement = agreements.findLatestOfProject(projectId).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = entry.amountWan();
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0
                || amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("amountWan", "到位资金须大于 0、不超过 1 亿万元、最多两位小数（万元）/ amountWan: more than 0, "
                    + "at most 2 decimals"));
        }
        LocalDate day = entry.inPlaceOn();
        if (day == null) {
            errors.add(new FieldError("inPlaceOn", "请填写到位日期 / inPlaceOn is required"));
        } else if (day.isAfter(EngineClock.today())) {
            errors.add(new FieldError("inPlaceOn", "到位日期不能晚于今天 / inPlaceOn is in the future"));
        } else if (agreement.signedOn() != null && day.isBefore(agreement.signedOn())) {
            errors.add(new FieldError("inPlaceOn", "到位日期不能早于签约日期 " + agreement.signedOn()
                    + " / inPlaceOn is before the signing"));
        }
        String evidence = entry.evidence() == null || entry.evidence().isBlank() ? null : entry.evidence().strip();
        if (evidence == null || evidence.length() > 2000) {
            errors.add(new FieldError("evidence", "请写明佐证材料（如银行进账单、验资报告），不超过 2000 字 / evidence is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        funds.insert(projectId, amount, day, evidence, actor, EngineClock.now());
        ledger.note(projectId, "FUNDS_IN_PLACE", actor, "实际到位资金 " + Progress.plain(amount).toPlainString() + " 万元（"
                + day + "）：" + evidence);
        return funds.findLatest(projectId);
    }

    public List<FundsInPlace> of(long projectId) {
        visibility.requireProject(projectId);
        return funds.findByProject(projectId);
    }
}

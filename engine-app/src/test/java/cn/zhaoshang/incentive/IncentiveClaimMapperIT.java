package cn.zhaoshang.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.support.AppIT;

/**
 * IncentiveClaimMapper against the real schema (H2 in MySQL mode, or MariaDB with -Pmysql), each test in a
 * rolled-back transaction: the unique active basis refuses a second open claim, a rejection or "not eligible" releases
 * it, status changes happen once, the ledger facts are read from lead, agreement and milestone, and the list keeps to
 * the caller's scope.
 */
class IncentiveClaimMapperIT extends AppIT {

    @Autowired
    IncentiveClaimMapper claims;

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void theActiveBasisIsUnique_untilARejectionOrNotEligibleReleasesIt() {
        String chamber = "温州商会" + UUID.randomUUID();
        inRollback(() -> {
            NewClaim first = chamber(chamber, 2025);
            claims.insert(first);
            assertThat(claims.findHolder(first.getBasisKey())).map(Claim::id).contains(first.getId());
            assertThatThrownBy(() -> claims.insert(chamber(chamber, 2025))).as("the same basis while it is held")
                    .isInstanceOf(DuplicateKeyException.class);
            NewClaim otherYear = chamber(chamber, 2024);
            claims.insert(otherYear);

            assertThat(claims.reject(first.getId(), IncentiveClaim.Step.VERIFY, "center", NOW, "材料不全")).isEqualTo(1);
            assertThat(claims.reject(first.getId(), IncentiveClaim.Step.VERIFY, "center", NOW, "again")).as("once")
                    .isZero();
            Claim rejected = claims.findById(first.getId()).orElseThrow();
            assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
            assertThat(rejected.activeBasisKey()).isNull();
            assertThat(rejected.basisKey()).isEqualTo(first.getBasisKey());
            assertThat(rejected.rejectionOpinion()).isEqualTo("材料不全");

            NewClaim again = chamber(chamber, 2025);
            claims.insert(again);
            assertThat(claims.verify(again.getId(), null, null, null, "center", NOW, null)).isEqualTo(1);
            assertThat(claims.verify(again.getId(), null, null, null, "center", NOW, null)).as("once").isZero();
            assertThat(claims.recordAward(again.getId(), BigDecimal.ZERO, new BigDecimal("20000.00"),
                    new BigDecimal("20000.00"), NOW)).isEqualTo(1);
            assertThat(claims.approve(again.getId(), "finance", NOW, "同意")).isEqualTo(1);
            assertThat(claims.reject(again.getId(), IncentiveClaim.Step.APPROVE_BY_FINANCE, "finance", NOW, "x"))
                    .as("an approved claim is not rejected any more").isZero();
            String voucher = "记-" + UUID.randomUUID();
            assertThat(claims.pay(again.getId(), "finance", NOW, NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    voucher)).isEqualTo(1);
            assertThat(claims.countVoucher(voucher)).isEqualTo(1);
            Claim paid = claims.findById(again.getId()).orElseThrow();
            assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
            assertThat(paid.amountYuan()).isEqualByComparingTo("20000");
            assertThat(paid.activeBasisKey()).as("a paid claim keeps its basis for good").isEqualTo(paid.basisKey());
            assertThatThrownBy(() -> claims.insert(chamber(chamber, 2025))).isInstanceOf(DuplicateKeyException.class);

            NewClaim notEligible = chamber(chamber, 2023);
            claims.insert(notEligible);
            claims.verify(notEligible.getId(), null, null, null, "center", NOW, null);
            assertThat(claims.markNotEligible(notEligible.getId(), NOW)).isEqualTo(1);
            claims.insert(chamber(chamber, 2023));
        });
    }

    @Test
    void ledgerFacts_comeFromTheLeadAndTheProject() {
        long projectId = negotiatingProject("磐安事实核对有限公司", "台账事实项目");
        LedgerFacts facts = claims.ledgerFacts(projectId).orElseThrow();
        assertThat(facts.companyName()).isEqualTo("磐安事实核对有限公司");
        assertThat(facts.leadId()).isNotNull();
        assertThat(facts.totalInvestmentWan()).isEqualByComparingTo("12000");
        assertThat(facts.investmentWan()).as("no signed agreement: the project's total").isEqualByComparingTo("12000");
        assertThat(facts.inProduction()).isFalse();
        assertThat(facts.signed()).isFalse();
        assertThat(claims.ledgerFacts(-1)).isEmpty();
    }

    @Test
    void theListKeepsToTheCallersScope() {
        String chamber = "丽水商会" + UUID.randomUUID();
        inRollback(() -> {
            NewClaim claim = chamber(chamber, 2025);
            claim.setSubmittedBy("carrier");
            claims.insert(claim);
            DataScope nobody = new DataScope(false, "reporter", List.of("reporter"), null, null);
            DataScope submitter = new DataScope(false, "carrier", List.of("carrier"), null, null);
            assertThat(claims.countVisible(nobody, false, claim.getId())).isZero();
            assertThat(claims.countVisible(nobody, true, claim.getId())).isOne();
            assertThat(claims.countVisible(submitter, false, claim.getId())).isOne();
            assertThat(claims.list(submitter, false, ClaimStatus.SUBMITTED, AwardType.CHAMBER, null, 50))
                    .extracting(Claim::id).contains(claim.getId());
            assertThat(claims.list(nobody, false, null, null, null, 50)).extracting(Claim::id)
                    .doesNotContain(claim.getId());
        });
    }

    NewClaim chamber(String name, int year) {
        NewClaim claim = new NewClaim();
        claim.setAwardType(AwardType.CHAMBER);
        claim.setClaimantName(name);
        claim.setAwardYear(year);
        claim.setBasisKey(BasisKeys.of(AwardType.CHAMBER, null, null, name, year));
        claim.setSubmittedBy("center");
        claim.setCreatedAt(NOW);
        return claim;
    }

    void inRollback(Runnable work) {
        transactions.executeWithoutResult(status -> {
            try {
                work.run();
            } finally {
                status.setRollbackOnly();
            }
        });
    }
}

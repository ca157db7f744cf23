package cn.zhaoshang.incentive;

/**
 * What an award is for, and what its basis is — the thing that is paid at most once (docs/incentives.md).
 * chenzhou-2017 §5, §6, §11; qiaocheng §八.
 */
public enum AwardType {
    /** 新落户外商直接投资 (chenzhou §6): one award per project. */
    FDI_NEW("外商直接投资奖励", true, true),
    /** 外资增资 (chenzhou §6): one award per project (each capital increase is its own project in the ledger). */
    FDI_INCREASE("外资增资奖励", true, true),
    /** 新来源国别/地区 (chenzhou §6): 一次性, once per country — only the first enterprise breaks through. */
    NEW_SOURCE_COUNTRY("新来源地奖励", true, false),
    /** 以商招商 (chenzhou §11): once per referred project. */
    REFERRAL("以商招商奖励", true, false),
    /** 商（协）会 (chenzhou §5): once per chamber and assessment year. */
    CHAMBER("商（协）会奖励", false, false),
    /** 招商顾问 (qiaocheng §八): 一次性, once per project brought in. */
    ADVISOR("招商顾问奖励", true, false);

    private final String label;
    private final boolean aboutProject;
    private final boolean foreignCapital;

    AwardType(String label, boolean aboutProject, boolean foreignCapital) {
        this.label = label;
        this.aboutProject = aboutProject;
        this.foreignCapital = foreignCapital;
    }

    public String label() {
        return label;
    }

    /** The claim names the project the award is about (all but a chamber's yearly award). */
    public boolean aboutProject() {
        return aboutProject;
    }

    /** The amount is a share of the paid-in foreign capital: the claim needs it and the exchange rate. */
    public boolean foreignCapital() {
        return foreignCapital;
    }
}

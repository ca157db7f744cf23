package cn.zhaoshang.agreement;

/** Who signs for our side, which decides the legal review (qiaocheng §六). */
public enum SigningParty {
    /** 以县政府名义签订: the justice bureau reviews. */
    GOVERNMENT,
    /** 以开发区管委会名义签订: dev-zone legal reviews, then the leading group deliberates. */
    DEV_ZONE
}

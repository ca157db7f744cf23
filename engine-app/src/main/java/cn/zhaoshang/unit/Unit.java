package cn.zhaoshang.unit;

/** A unit that reports leads, hosts projects or is consulted (乡镇/街道、园区、驻外分局、招商组、部门): table {@code unit}. */
public record Unit(String code, String name, String kind, boolean active) {
}

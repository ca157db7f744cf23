package cn.zhaoshang.lead;

/** A department asked for a written opinion on every lead; {@code groupId} is the candidate group of its task. */
public record ConsultationDepartment(String groupId, String name, int sortOrder, boolean active) {
}

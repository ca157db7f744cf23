package cn.zhaoshang.web;

import java.util.List;
import java.util.Map;

/**
 * Which form field goes where in the JSON body that {@code TaskActionService.complete} (POST /api/tasks/{id}/complete)
 * takes for each step's form: mostly the fields by their keys; a revised landing application, a supplemented lead and
 * the task force's joint review opinion nest the application or lead under {@code application} / {@code lead}, and
 * only with the decision that carries them; the meeting record sends one row per agenda item. Readonly fields are
 * sent only where the body needs them (the company and project name of a joint review opinion), and then from the
 * task's variables, never from the request. A form not listed here sends every field a person can edit.
 */
final class FormBodies {

    private FormBodies() {
    }

    /** {@code nested} goes under {@code nestedName} when {@code whenKey} has {@code whenValue}. */
    record Shape(List<String> top, String nestedName, String whenKey, String whenValue, List<String> nested,
            String listKey, List<String> listFields) {

        static Shape flat(String... keys) {
            return new Shape(List.of(keys), null, null, null, List.of(), null, List.of());
        }

        Shape nest(String name, String whenKey, String whenValue, String... keys) {
            return new Shape(top, name, whenKey, whenValue, List.of(keys), listKey, listFields);
        }

        Shape list(String key, String... fields) {
            return new Shape(top, nestedName, whenKey, whenValue, nested, key, List.of(fields));
        }

        /** The body field a service error names, as the form field to show it at ("application.landAreaMu" → landAreaMu). */
        String formKeyOf(String bodyField) {
            if (nestedName != null && bodyField.startsWith(nestedName + ".")) {
                return bodyField.substring(nestedName.length() + 1);
            }
            return bodyField;
        }
    }

    private static final String[] APPLICATION = {"companyName", "projectName", "projectCategory", "totalInvestmentWan",
            "landRequired", "landAreaMu", "caseByCaseSupport", "devZone", "carrierUnit"};
    private static final String[] LEAD = {"companyName", "projectName", "industry", "projectCategory",
            "totalInvestmentWan", "foreignCapitalUsdWan", "sourceCountry", "landRequired", "landAreaMu", "reportingUnit",
            "referrer", "referrerEnterprise", "contactName", "contactPhone"};

    static final Map<String, Shape> BY_FORM = Map.ofEntries(
            // landing approval (approval/ApprovalTaskInputs)
            Map.entry("form_approval_step", Shape.flat("decision", "opinion")),
            Map.entry("form_meeting_deliberation", Shape.flat("decision", "opinion", "meetingDate", "minutesNumber")),
            Map.entry("form_revise_application", Shape.flat("decision", "opinion")
                    .nest("application", "decision", "RESUBMIT", APPLICATION)),
            // lead screening (lead/LeadTaskInputs)
            Map.entry("form_lead_completeness", Shape.flat("decision", "opinion")),
            Map.entry("form_lead_duplicate", Shape.flat("decision", "opinion")),
            Map.entry("form_lead_supplement", Shape.flat("decision", "opinion")
                    .nest("lead", "decision", "RESUBMIT", LEAD)),
            Map.entry("form_consultation_opinion", Shape.flat("answer", "opinion")),
            // negotiation (negotiation/NegotiationTaskInputs)
            Map.entry("form_negotiation", Shape.flat("entry", "heldOn", "place", "participants", "summary", "opinion")
                    .nest("application", "entry", "JOINT_OPINION", APPLICATION)),
            // research meeting (meeting/MeetingTaskInputs)
            Map.entry("form_meeting_record", Shape.flat("heldOn", "attendees")
                    .list("itemDecisions", "leadId", "decision", "reason", "responsibleUnit", "taskForceLeader")),
            // agreement (agreement/AgreementTaskInputs)
            Map.entry("form_agreement_draft", Shape.flat("signingParty")),
            Map.entry("form_agreement_revise", Shape.flat("decision", "opinion")),
            Map.entry("form_legal_review", Shape.flat("decision", "opinion", "afterRejection")),
            Map.entry("form_agreement_sign", Shape.flat("contractNumber", "signedOn", "agreedInvestmentWan",
                    "constructionDueOn")),
            Map.entry("form_supervise_overdue", Shape.flat("opinion")),
            // enterprise appeals (appeal/AppealTaskInputs)
            Map.entry("form_appeal_accept", Shape.flat("decision", "assignedGroup", "opinion")),
            Map.entry("form_appeal_handle", Shape.flat("answer")),
            Map.entry("form_appeal_supervise", Shape.flat("opinion")),
            // fulfilment (fulfilment/FulfilmentTaskInputs)
            Map.entry("form_milestone", Shape.flat("reachedOn", "evidence")),
            Map.entry("form_fulfilment_assessment", Shape.flat("assessment", "opinion")),
            Map.entry("form_fulfilment_follow_up", Shape.flat("opinion")));

    /** The shape of a form's body, or every editable field flat for a form this table does not know. */
    static Shape of(CamundaForm form) {
        Shape known = form.id() == null ? null : BY_FORM.get(form.id());
        if (known != null) {
            return known;
        }
        List<String> editable = form.fields().stream().filter(f -> f.isInput() && !f.readonly())
                .map(CamundaForm.Component::key).toList();
        return new Shape(editable, null, null, null, List.of(), null, List.of());
    }
}

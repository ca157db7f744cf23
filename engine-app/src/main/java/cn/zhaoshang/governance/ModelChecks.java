package cn.zhaoshang.governance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import cn.zhaoshang.security.ModelCheck;
import cn.zhaoshang.security.ModelRules.Violation;
import cn.zhaoshang.system.Groups;

import static cn.zhaoshang.governance.ModelXml.BPMN;
import static cn.zhaoshang.governance.ModelXml.CAMUNDA;
import static cn.zhaoshang.governance.ModelXml.attribute;
import static cn.zhaoshang.governance.ModelXml.camunda;
import static cn.zhaoshang.governance.ModelXml.children;
import static cn.zhaoshang.governance.ModelXml.descendants;
import static cn.zhaoshang.governance.ModelXml.extensions;
import static cn.zhaoshang.governance.ModelXml.idOf;
import static cn.zhaoshang.governance.ModelXml.is;
import static cn.zhaoshang.governance.ModelXml.isExpression;

/**
 * The product's checks of a deployment (docs/governance.md), besides the deployment rule of security/ModelRules. Driven
 * by the models, the engine's identity and repository and the application context — no list of today's files:
 * <ul>
 * <li>{@value #UNKNOWN_GROUP}: a candidate (starter) group that is neither a group of the identity service nor one of
 * the role groups the app creates at start-up ({@link Groups#ALL});</li>
 * <li>{@value #FORM_UNRESOLVED}: {@code camunda:formRef} to a Camunda Form neither in the deployment nor deployed (as
 * its binding asks: {@code deployment} = in this deployment), a {@code camunda:formKey} that is not
 * {@code camunda-forms:deployment:<file in this deployment>};</li>
 * <li>{@value #NO_FORM}: a user task without a Camunda Form;</li>
 * <li>{@value #UNKNOWN_BEAN}: a delegate expression whose bean is not in the application context;</li>
 * <li>{@value #DMN_INPUT}: an input of the decision of a business rule task that is not set before the task (a static,
 * best-effort analysis: {@link #providedBefore});</li>
 * <li>{@value #DECISION_UNRESOLVED}: a business rule task's decision neither in the deployment nor deployed;</li>
 * <li>{@value #NO_TTL}: a process or decision without {@code historyTimeToLive};</li>
 * <li>{@value #REFERENCED_ID}: an element id that the constants class of the process key names ({@link ProductReferences})
 * and that the current version of the process has, missing in the new version; a process key the code names that
 * its file no longer defines.</li>
 * </ul>
 */
@Component
class ModelChecks implements ModelCheck {

    static final String UNKNOWN_GROUP = "UNKNOWN_CANDIDATE_GROUP";
    static final String FORM_UNRESOLVED = "FORM_UNRESOLVED";
    static final String NO_FORM = "USER_TASK_WITHOUT_FORM";
    static final String UNKNOWN_BEAN = "DELEGATE_BEAN_UNKNOWN";
    static final String DMN_INPUT = "DMN_INPUT_NOT_PROVIDED";
    static final String DECISION_UNRESOLVED = "DECISION_UNRESOLVED";
    static final String NO_TTL = "HISTORY_TTL_MISSING";
    static final String REFERENCED_ID = "REFERENCED_ID_MISSING";

    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\()");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "for", "in", "return", "some",
            "every", "satisfies", "and", "or", "not", "null", "true", "false", "between", "instance", "of", "function",
            "date", "time", "duration", "string", "number", "boolean", "list", "context");
    private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");

    private final ListableBeanFactory beans;
    private final ProductReferences references;
    private final ObjectMapper json = new ObjectMapper();

    ModelChecks(ListableBeanFactory beans, ProductReferences references) {
        this.beans = beans;
        this.references = references;
    }

    @Override
    public List<Violation> check(Map<String, byte[]> resources) {
        Deployment deployment = new Deployment(resources);
        List<Violation> found = new ArrayList<>();
        Set<String> groups = new TreeSet<>();
        deployment.bpmn.forEach((name, doc) -> {
            for (Element process : processes(doc)) {
                checkProcess(deployment, name, doc, process, found, groups);
            }
            checkProcessKeysKept(deployment, name, doc, found);
        });
        checkGroups(deployment, found, groups);
        deployment.dmn.forEach((name, doc) -> checkDecisions(deployment, name, doc, found));
        return found;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // processes

    private static List<Element> processes(Document doc) {
        return children(doc.getDocumentElement(), BPMN, "process").stream()
                .filter(p -> !"false".equalsIgnoreCase(attribute(p, "isExecutable"))).toList();
    }

    private void checkProcess(Deployment d, String resource, Document doc, Element process, List<Violation> found,
            Set<String> groups) {
        String key = attribute(process, "id");
        if (camunda(process, "historyTimeToLive") == null) {
            found.add(problem(resource, key, NO_TTL, "流程 " + key + " 没有设置历史数据保留期限（camunda:historyTimeToLive，"
                    + "本系统为 3650 天）/ Process " + key + " has no history time to live (camunda:historyTimeToLive)"));
        }
        String starters = camunda(process, "candidateStarterGroups");
        if (starters != null) {
            staticGroups(starters).forEach(g -> groups.add(resource + "\u0000" + key + "\u0000" + g));
        }
        ProcessScope scope = new ProcessScope(d, resource, process);
        for (Element element : descendants(process)) {
            if (is(element, BPMN, "userTask")) {
                checkUserTask(d, resource, element, found, groups);
            } else if (is(element, BPMN, "startEvent")) {
                resolveForm(d, resource, element, found);
            } else if (is(element, BPMN, "businessRuleTask")) {
                checkDecisionInputs(d, scope, element, found);
            }
            String delegate = camunda(element, "delegateExpression");
            if (delegate != null) {
                checkBean(resource, element, delegate, found);
            }
        }
        checkReferencedIds(resource, doc, key, found);
    }

    private void checkUserTask(Deployment d, String resource, Element task, List<Violation> found, Set<String> groups) {
        String id = idOf(task);
        String candidates = camunda(task, "candidateGroups");
        if (candidates != null) {
            staticGroups(candidates).forEach(g -> groups.add(resource + "\u0000" + id + "\u0000" + g));
        }
        if (camunda(task, "formRef") == null && camunda(task, "formKey") == null) {
            found.add(problem(resource, id, NO_FORM, "用户任务 " + name(task) + " 没有表单：每个用户任务都要绑定 Camunda 表单"
                    + "（camunda:formRef，forms/*.form）/ User task " + id + " has no Camunda Form (camunda:formRef)"));
            return;
        }
        resolveForm(d, resource, task, found);
    }

    private static List<String> staticGroups(String value) {
        if (isExpression(value)) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    private void checkGroups(Deployment d, List<Violation> found, Set<String> uses) {
        Set<String> named = new TreeSet<>();
        uses.forEach(use -> named.add(use.split("\u0000")[2]));
        named.removeAll(Groups.ALL.keySet());
        named.remove(Groups.CAMUNDA_ADMIN);
        if (named.isEmpty()) {
            return;
        }
        Set<String> existing = DeployedModels.existingGroups(named);
        for (String use : uses) {
            String[] parts = use.split("\u0000");
            if (named.contains(parts[2]) && !existing.contains(parts[2])) {
                found.add(problem(parts[0], parts[1], UNKNOWN_GROUP, "候选组 " + parts[2] + " 不存在（系统中没有这个用户组，"
                        + "请在 Admin 中先建组或改用已有的角色组）/ Candidate group " + parts[2] + " is not a group of the "
                        + "identity service"));
            }
        }
    }

    /** The form of a start event or user task resolves; the field keys it gives (empty when it does not, or none). */
    private Optional<Set<String>> resolveForm(Deployment d, String resource, Element element, List<Violation> found) {
        return resolveForm(d, null, resource, element, found);
    }

    /** {@code deployedIn}: the deployment of an already deployed caller, whose own forms count. */
    private Optional<Set<String>> resolveForm(Deployment d, String deployedIn, String resource, Element element,
            List<Violation> found) {
        String id = idOf(element);
        String formRef = camunda(element, "formRef");
        if (formRef != null) {
            if (isExpression(formRef)) {
                return Optional.empty();
            }
            String binding = Optional.ofNullable(camunda(element, "formRefBinding")).orElse("latest");
            FormFile inDeployment = d.formsById.get(formRef);
            if (inDeployment != null) {
                return Optional.of(inDeployment.keys());
            }
            Optional<DeployedModels.Deployed> deployed = deployedIn == null ? Optional.empty()
                    : DeployedModels.formOfDeployment(deployedIn, formRef);
            if (deployed.isPresent()) {
                return Optional.of(formKeys(deployed.get().content()));
            }
            if (binding.equals("latest")) {
                deployed = DeployedModels.latestForm(formRef);
            } else if (binding.equals("version")) {
                String version = camunda(element, "formRefVersion");
                if (version != null && version.matches("\\d{1,9}")) {
                    deployed = DeployedModels.form(formRef, Integer.parseInt(version));
                }
            }
            if (deployed.isPresent()) {
                return Optional.of(formKeys(deployed.get().content()));
            }
            String where = binding.equals("deployment")
                    ? "绑定方式为 deployment，表单必须与流程在同一次部署中（在 Modeler 的部署对话框里附上 .form 文件）/ binding "
                            + "'deployment': the form must be deployed together with the process"
                    : "既不在本次部署中，也没有已部署的版本 / neither in this deployment nor deployed";
            found.add(problem(resource, id, FORM_UNRESOLVED, name(element) + " 引用的表单 " + formRef + " 找不到：" + where
                    + " (camunda:formRef=" + formRef + ")"));
            return Optional.empty();
        }
        String formKey = camunda(element, "formKey");
        if (formKey == null || isExpression(formKey)) {
            return Optional.empty();
        }
        for (String prefix : List.of("camunda-forms:deployment:", "deployment:")) {
            if (formKey.startsWith(prefix)) {
                String file = formKey.substring(prefix.length());
                FormFile form = d.formsByResource.get(file);
                if (form != null) {
                    return Optional.of(form.keys());
                }
                found.add(problem(resource, id, FORM_UNRESOLVED, name(element) + " 的表单文件 " + file + " 不在本次部署中 / "
                        + "The form file " + file + " of camunda:formKey is not in this deployment"));
                return Optional.empty();
            }
        }
        found.add(problem(resource, id, FORM_UNRESOLVED, name(element) + " 的表单 " + formKey + " 无法解析：工作台只显示 Camunda "
                + "表单，请用 camunda:formRef 或 camunda-forms:deployment:文件名 / The workbench shows Camunda Forms only; "
                + "use camunda:formRef or camunda-forms:deployment:<file>, not " + formKey));
        return Optional.empty();
    }

    private void checkBean(String resource, Element element, String expression, List<Violation> found) {
        Matcher root = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(expression);
        if (!root.find() || CONTEXT_OBJECTS.contains(root.group(1))) {
            return;
        }
        String bean = root.group(1);
        if (!beans.containsBean(bean)) {
            found.add(problem(resource, idOf(element), UNKNOWN_BEAN, name(element) + " 的委托表达式 " + expression + " 引用的 "
                    + "Bean " + bean + " 不存在（应用中没有这个服务任务实现）/ Bean " + bean + " of the delegate expression "
                    + "does not exist in the application"));
        }
    }

    /** Ids of the current version that the Java code names must still be there. */
    private void checkReferencedIds(String resource, Document doc, String processKey, List<Violation> found) {
        Map<String, String> named = namedConstants(processKey);
        if (named.isEmpty()) {
            return;
        }
        Optional<DeployedModels.Deployed> current = DeployedModels.latestProcess(processKey);
        if (current.isEmpty()) {
            return;
        }
        Set<String> before = ModelXml.parse(current.get().content()).map(ModelChecks::bpmnIds).orElse(Set.of());
        Set<String> now = bpmnIds(doc);
        for (String id : before) {
            if (named.containsKey(id) && !now.contains(id)) {
                found.add(problem(resource, id, REFERENCED_ID, "新版本缺少 " + id + "：当前版本有这个元素，而程序（"
                        + named.get(id) + "）按此 id 引用它；请保留原 id（改名只改名称），或先修改程序 / " + id + " is in the "
                        + "current version of " + processKey + " and named by the code (" + named.get(id) + "), but "
                        + "missing in the new version: keep the id (rename the label only)"));
            }
        }
    }

    /** A file that defined a process key the code names must still define it (a changed process id in Modeler). */
    private void checkProcessKeysKept(Deployment d, String resource, Document doc, List<Violation> found) {
        Set<String> keys = new LinkedHashSet<>();
        children(doc.getDocumentElement(), BPMN, "process").forEach(p -> keys.add(attribute(p, "id")));
        for (ProductReferences.ConstantsClass constants : references.classes()) {
            for (String key : constants.processKeys()) {
                if (keys.contains(key)) {
                    continue;
                }
                DeployedModels.latestProcess(key).filter(current -> current.resourceName().equals(resource))
                        .ifPresent(current -> found.add(problem(resource, key, REFERENCED_ID, "流程标识 " + key + " 被改掉了："
                                + "文件 " + resource + " 原来定义流程 " + key + "，程序（" + constants.name() + "）按此标识启动它 / "
                                + "The process key " + key + " that the code (" + constants.name() + ") starts is no "
                                + "longer defined by " + resource)));
            }
        }
    }

    /** The constants of the classes that name this process key (its element ids among them). */
    private Map<String, String> namedConstants(String processKey) {
        Map<String, String> named = new LinkedHashMap<>();
        for (ProductReferences.ConstantsClass c : references.naming(processKey)) {
            c.constants().forEach(value -> named.merge(value, c.name(), (a, b) -> a.equals(b) ? a : a + ", " + b));
        }
        return named;
    }

    static Set<String> bpmnIds(Document doc) {
        Set<String> ids = new LinkedHashSet<>();
        for (Element e : descendants(doc.getDocumentElement())) {
            if (BPMN.equals(e.getNamespaceURI()) && attribute(e, "id") != null) {
                ids.add(attribute(e, "id"));
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // decisions

    private void checkDecisions(Deployment d, String resource, Document doc, List<Violation> found) {
        Set<String> decisionIds = new LinkedHashSet<>();
        for (Element decision : children(doc.getDocumentElement(), null, "decision")) {
            String id = attribute(decision, "id");
            decisionIds.add(id);
            if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
                found.add(problem(resource, id, NO_TTL, "决策 " + id + " 没有设置历史数据保留期限（camunda:historyTimeToLive）/ "
                        + "Decision " + id + " has no history time to live"));
            }
        }
        // the processes already deployed that call these decisions (those in this deployment are checked above)
        for (DeployedModels.Deployed caller : DeployedModels.latestProcesses()) {
            if (d.bpmn.containsKey(caller.resourceName())) {
                continue;
            }
            String text = new String(caller.content(), StandardCharsets.UTF_8);
            if (decisionIds.stream().noneMatch(id -> text.contains("decisionRef=\"" + id + "\""))) {
                continue;
            }
            Optional<Document> callerDoc = ModelXml.parse(caller.content());
            if (callerDoc.isEmpty()) {
                continue;
            }
            for (Element process : processes(callerDoc.get())) {
                ProcessScope scope = new ProcessScope(d, caller.resourceName(), process);
                scope.deployedIn = caller.deploymentId();
                for (Element task : descendants(process)) {
                    String ref = is(task, BPMN, "businessRuleTask") ? camunda(task, "decisionRef") : null;
                    if (ref != null && decisionIds.contains(ref)) {
                        for (String missing : missingInputs(d, scope, task, ref)) {
                            found.add(problem(resource, ref, DMN_INPUT, "决策 " + ref + " 的输入 " + missing + " 在调用它的流程 "
                                    + attribute(process, "id") + "（" + caller.resourceName() + " " + idOf(task) + "）中"
                                    + "调用前没有设置 / Input " + missing + " of decision " + ref + " is not set before "
                                    + idOf(task) + " in the deployed process " + attribute(process, "id")));
                        }
                    }
                }
            }
        }
    }

    private void checkDecisionInputs(Deployment d, ProcessScope scope, Element task, List<Violation> found) {
        String ref = camunda(task, "decisionRef");
        if (ref == null || isExpression(ref)) {
            return;
        }
        if (findDecision(d, ref).isEmpty()) {
            found.add(problem(scope.resource, idOf(task), DECISION_UNRESOLVED, name(task) + " 引用的决策 " + ref + " 既不在本次"
                    + "部署中，也没有已部署的版本 / Decision " + ref + " is neither in this deployment nor deployed"));
            return;
        }
        for (String missing : missingInputs(d, scope, task, ref)) {
            found.add(problem(scope.resource, idOf(task), DMN_INPUT, "决策 " + ref + " 的输入 " + missing + " 在本流程中调用前没有"
                    + "设置（来源：开始表单、任务表单字段、输出映射、结果变量、服务任务声明的输出变量）/ Input " + missing
                    + " of decision " + ref + " is not set before " + idOf(task) + " (start form, task form fields, "
                    + "output mappings, result variables, delegates' declared outputs)"));
        }
    }

    private Set<String> missingInputs(Deployment d, ProcessScope scope, Element task, String decisionRef) {
        Optional<Element> decision = findDecision(d, decisionRef);
        if (decision.isEmpty()) {
            return Set.of();
        }
        Set<String> needed = decisionInputs(decision.get(), new LinkedHashSet<>());
        Provided provided = providedBefore(scope, task);
        if (provided.anything) {
            return Set.of();
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(provided.names);
        return missing;
    }

    /** The decision with this id in the deployment, else the latest deployed one. */
    private static Optional<Element> findDecision(Deployment d, String id) {
        for (Document doc : d.dmn.values()) {
            Optional<Element> decision = decision(doc, id);
            if (decision.isPresent()) {
                return decision;
            }
        }
        return DeployedModels.latestDecision(id).flatMap(deployed -> ModelXml.parse(deployed.content()))
                .flatMap(doc -> decision(doc, id));
    }

    private static Optional<Element> decision(Document doc, String id) {
        return children(doc.getDocumentElement(), null, "decision").stream().filter(e -> id.equals(attribute(e, "id")))
                .findFirst();
    }

    /** Variables the input expressions read, minus the outputs of the decisions it requires (and theirs, in turn). */
    private static Set<String> decisionInputs(Element decision, Set<String> seen) {
        Set<String> inputs = new LinkedHashSet<>();
        if (!seen.add(attribute(decision, "id"))) {
            return inputs;
        }
        Set<String> fromRequired = new LinkedHashSet<>();
        for (Element requirement : children(decision, null, "informationRequirement")) {
            for (Element required : children(requirement, null, "requiredDecision")) {
                String href = attribute(required, "href");
                if (href == null) {
                    continue;
                }
                decision(decision.getOwnerDocument(), href.replaceFirst("^#", "")).ifPresent(other -> {
                    inputs.addAll(decisionInputs(other, seen));
                    for (Element table : children(other, null, "decisionTable")) {
                        children(table, null, "output").forEach(o -> fromRequired.add(attribute(o, "name")));
                    }
                    fromRequired.add(attribute(other, "id"));
                    children(other, null, "variable").forEach(v -> fromRequired.add(attribute(v, "name")));
                });
            }
        }
        for (Element table : children(decision, null, "decisionTable")) {
            for (Element input : children(table, null, "input")) {
                for (Element expression : children(input, null, "inputExpression")) {
                    children(expression, null, "text").forEach(t -> inputs.addAll(feelNames(t.getTextContent())));
                }
            }
        }
        for (Element literal : children(decision, null, "literalExpression")) {
            children(literal, null, "text").forEach(t -> inputs.addAll(feelNames(t.getTextContent())));
        }
        inputs.removeAll(fromRequired);
        return inputs;
    }

    /** The variable names a FEEL expression reads: identifiers that are not keywords, calls or properties. */
    static Set<String> feelNames(String expression) {
        Set<String> names = new LinkedHashSet<>();
        if (expression == null) {
            return names;
        }
        Matcher m = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll(" "));
        while (m.find()) {
            if (!FEEL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // what is set before an element (static, best effort)

    /** Variable names known to be set before an element; {@code anything} when a call activity passes all back. */
    static final class Provided {
        final Set<String> names = new LinkedHashSet<>();
        boolean anything;
    }

    /** A process of a deployment, indexed for walking its flows backwards. */
    final class ProcessScope {
        final Deployment deployment;
        /** set for a process already deployed (a caller of a decision in the new deployment) */
        String deployedIn;
        final String resource;
        final Element process;
        final String processKey;
        final Map<String, Element> byId = new LinkedHashMap<>();
        final Map<String, List<String>> sources = new LinkedHashMap<>();

        ProcessScope(Deployment deployment, String resource, Element process) {
            this.deployment = deployment;
            this.resource = resource;
            this.process = process;
            this.processKey = attribute(process, "id");
            for (Element e : descendants(process)) {
                String id = attribute(e, "id");
                if (id != null && BPMN.equals(e.getNamespaceURI())) {
                    byId.put(id, e);
                }
                if (is(e, BPMN, "sequenceFlow") && attribute(e, "targetRef") != null) {
                    sources.computeIfAbsent(attribute(e, "targetRef"), k -> new ArrayList<>())
                            .add(attribute(e, "sourceRef"));
                }
            }
        }
    }

    /**
     * Walks the sequence flows backwards from the element: everything that can run before it (a sub-process reached
     * from behind counts with all its contents, a start event inside a sub-process continues before the
     * sub-process, a boundary event before its activity) and collects what those elements set: start and task form
     * fields, {@code camunda:formField}s, the initiator, output parameters, result variables, {@code camunda:out} of
     * call activities, the outputs delegates and listeners declare ({@link SetsVariables}), and — for a start or
     * message event the Java code triggers without a form — the variable names of the process's constants class
     * ({@code Var}).
     */
    Provided providedBefore(ProcessScope scope, Element target) {
        Provided provided = new Provided();
        Set<Element> seen = new LinkedHashSet<>();
        java.util.ArrayDeque<Element> queue = new java.util.ArrayDeque<>();
        predecessors(scope, target, queue);
        // an element inside a multi-instance sub-process sees the loop variable of its ancestors
        for (Node n = target.getParentNode(); n instanceof Element parent && parent != scope.process; n = n.getParentNode()) {
            for (Element loop : children(parent, BPMN, "multiInstanceLoopCharacteristics")) {
                Optional.ofNullable(camunda(loop, "elementVariable")).ifPresent(provided.names::add);
            }
        }
        while (!queue.isEmpty()) {
            Element node = queue.poll();
            if (!seen.add(node)) {
                continue;
            }
            outputs(scope, node, provided);
            if (is(node, BPMN, "subProcess") || is(node, BPMN, "transaction")) {
                descendants(node).forEach(inner -> outputs(scope, inner, provided));
            }
            predecessors(scope, node, queue);
        }
        return provided;
    }

    private void predecessors(ProcessScope scope, Element node, java.util.Deque<Element> queue) {
        String id = attribute(node, "id");
        for (String source : scope.sources.getOrDefault(id, List.of())) {
            Optional.ofNullable(scope.byId.get(source)).ifPresent(queue::add);
        }
        if (is(node, BPMN, "boundaryEvent")) {
            Optional.ofNullable(scope.byId.get(attribute(node, "attachedToRef"))).ifPresent(queue::add);
        }
        if (!scope.sources.containsKey(id) && node.getParentNode() instanceof Element parent && parent != scope.process
                && (is(parent, BPMN, "subProcess") || is(parent, BPMN, "transaction"))) {
            if ("true".equals(attribute(parent, "triggeredByEvent"))
                    && parent.getParentNode() instanceof Element container) {
                children(container).stream().filter(e -> e != parent).forEach(queue::add);
            } else {
                queue.add(parent);
            }
        }
    }

    private void outputs(ProcessScope scope, Element node, Provided provided) {
        Set<String> names = provided.names;
        boolean start = is(node, BPMN, "startEvent");
        if (start || is(node, BPMN, "userTask")) {
            resolveForm(scope.deployment, scope.deployedIn, scope.resource, node, new ArrayList<>()).ifPresent(names::addAll);
            Optional.ofNullable(camunda(node, "initiator")).ifPresent(names::add);
            for (Element formData : extensions(node, "formData")) {
                children(formData, CAMUNDA, "formField").forEach(f -> Optional.ofNullable(attribute(f, "id"))
                        .ifPresent(names::add));
            }
        }
        boolean message = !children(node, BPMN, "messageEventDefinition").isEmpty() || is(node, BPMN, "receiveTask");
        boolean triggeredByCode = (start && camunda(node, "formRef") == null && camunda(node, "formKey") == null)
                || (message && !is(node, BPMN, "intermediateThrowEvent") && !is(node, BPMN, "endEvent"));
        if (triggeredByCode) {
            references.naming(scope.processKey).forEach(c -> names.addAll(c.variables()));
        }
        for (Element io : extensions(node, "inputOutput")) {
            children(io, CAMUNDA, "outputParameter").forEach(p -> Optional.ofNullable(attribute(p, "name"))
                    .ifPresent(names::add));
        }
        Optional.ofNullable(camunda(node, "resultVariable")).ifPresent(names::add);
        for (Element out : extensions(node, "out")) {
            if ("all".equals(attribute(out, "variables"))) {
                provided.anything = true;
            }
            Optional.ofNullable(attribute(out, "target")).ifPresent(names::add);
        }
        declared(camunda(node, "delegateExpression"), camunda(node, "class"), names);
        for (String listener : List.of("executionListener", "taskListener")) {
            for (Element l : extensions(node, listener)) {
                // a listener's attributes are not in the camunda namespace (<camunda:taskListener delegateExpression=…>)
                declared(attribute(l, "delegateExpression"), attribute(l, "class"), names);
            }
        }
    }

    /** The variables a delegate bean or class declares with {@link SetsVariables}. */
    private void declared(String delegateExpression, String className, Set<String> names) {
        Class<?> type = null;
        if (delegateExpression != null) {
            Matcher root = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(delegateExpression);
            if (root.find() && beans.containsBean(root.group(1))) {
                type = beans.getType(root.group(1), false);
            }
        } else if (className != null) {
            try {
                type = ClassUtils.forName(className, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                type = null;
            }
        }
        if (type != null) {
            SetsVariables sets = AnnotationUtils.findAnnotation(ClassUtils.getUserClass(type), SetsVariables.class);
            if (sets != null) {
                names.addAll(Arrays.asList(sets.value()));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String name(Element element) {
        String name = attribute(element, "name");
        String id = idOf(element);
        return name == null ? id : name + "（" + id + "）";
    }

    private static Violation problem(String resource, String elementId, String kind, String message) {
        return new Violation(resource, elementId, 0, 0, kind, message);
    }

    /** A Camunda Form of the deployment: its id and the keys of its fields. */
    record FormFile(String id, String resourceName, Set<String> keys) {
    }

    /** The resources of one deployment, read once. */
    final class Deployment {
        final Map<String, Document> bpmn = new LinkedHashMap<>();
        final Map<String, Document> dmn = new LinkedHashMap<>();
        final Map<String, FormFile> formsById = new LinkedHashMap<>();
        final Map<String, FormFile> formsByResource = new LinkedHashMap<>();

        Deployment(Map<String, byte[]> resources) {
            resources.forEach((name, content) -> {
                if (ModelXml.isBpmn(name)) {
                    ModelXml.parse(content).ifPresent(doc -> bpmn.put(name, doc));
                } else if (ModelXml.isDmn(name)) {
                    ModelXml.parse(content).ifPresent(doc -> dmn.put(name, doc));
                } else if (ModelXml.isForm(name)) {
                    try {
                        JsonNode form = json.readTree(content);
                        String id = form.path("id").asText(null);
                        FormFile file = new FormFile(id, name, formKeys(form));
                        formsByResource.put(name, file);
                        if (id != null) {
                            formsById.put(id, file);
                        }
                    } catch (java.io.IOException e) {
                        // not a form the engine can read: its own deployer reports it
                    }
                }
            });
        }
    }

    private Set<String> formKeys(byte[] content) {
        try {
            return formKeys(json.readTree(content));
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    /** The keys of every field of a Camunda Form (nested groups included). */
    static Set<String> formKeys(JsonNode form) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode component : form.path("components")) {
            if (component.hasNonNull("key") && component.get("key").isTextual()) {
                keys.add(component.get("key").asText());
            }
            keys.addAll(formKeys(component));
        }
        return keys;
    }
}

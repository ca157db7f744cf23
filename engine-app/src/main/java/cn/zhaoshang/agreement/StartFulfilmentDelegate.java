package cn.zhaoshang.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.fulfilment.FulfilmentService;
import cn.zhaoshang.ledger.ProjectMapper;

/** 进入履约: the signed agreement's milestones are planned and Process_Fulfilment starts watching them. */
@Component(AgreementReview.Bean.START_FULFILMENT)
class StartFulfilmentDelegate implements JavaDelegate {

    private final AgreementMapper agreements;
    private final ProjectMapper projects;
    private final FulfilmentService fulfilment;

    StartFulfilmentDelegate(AgreementMapper agreements, ProjectMapper projects, FulfilmentService fulfilment) {
        this.agreements = agreements;
        this.projects = projects;
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agreement agreement = agreements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        fulfilment.start(projects.findById(agreement.projectId()).orElseThrow(), agreement);
    }
}

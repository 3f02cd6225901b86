from django_tasks import task


@task()
def analyse_overlap(run_id: int) -> None:
    from partnering.core import audit

    from .models import AnalysisRun
    from .services import run_analysis

    run = AnalysisRun.objects.select_related("partnership", "requested_by").get(pk=run_id)
    try:
        with audit.acting_as(run.requested_by, source="task:analyse_overlap"):  # for the coordinator who asked
            run_analysis(run)
    except Exception as error:
        AnalysisRun.objects.filter(pk=run_id).update(status=AnalysisRun.Status.FAILED, message=str(error)[:300])
        raise

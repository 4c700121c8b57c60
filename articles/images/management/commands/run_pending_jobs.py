"""manage.py run_pending_jobs: run every background job waiting, then exit.

For tests, CI, a server without a worker (from cron), and after `load_demo`. It is the
database backend's own worker (django-tasks-db's db_worker) in batch mode, so jobs are
claimed exactly as a long-running worker claims them and two runs never take the same
job. Jobs enqueued while it runs (a retry) are run too.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

try:
    from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
except ImportError:
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends


class Command(BaseCommand):
    help = "Run every pending background job (image renditions...), then exit."

    def add_arguments(self, parser):
        parser.add_argument("--backend", default=DEFAULT_TASK_BACKEND_ALIAS)

    def handle(self, *args, backend, **options):
        if not isinstance(task_backends[backend], DatabaseBackend):
            raise CommandError(
                f"The {backend!r} task backend keeps no jobs in the database: its jobs are "
                "run by that backend's own workers."
            )
        results = DBTaskResult.objects.filter(backend_name=backend)
        before_failed = results.failed().count()
        before_done = results.successful().count()
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name=backend,
            startup_delay=False,
            max_tasks=None,
            worker_id=f"run_pending_jobs-{get_random_string(12)}",
            excluded_queue_names=[],
        )
        worker.run()
        done = results.successful().count() - before_done
        failed = results.failed().count() - before_failed
        message = f"Ran {done + failed} jobs: {done} succeeded, {failed} failed."
        if failed:
            message += " Their errors are under Tasks in the admin."
        self.stdout.write(self.style.WARNING(message) if failed else self.style.SUCCESS(message))

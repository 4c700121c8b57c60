"""The Content-Security-Policy (django-csp's middleware), with one allowance for the admin.

The policy itself is settings.CONTENT_SECURITY_POLICY. The admin's pages may also apply
style="" attributes: the body editor (ProseMirror and Tiptap) reads the bold and italic of
a paste from Google Docs or Word through element.style, which the browser leaves empty
(and reports a violation) for every style attribute the policy refuses, even in pasted HTML
that is only being read. A style attribute cannot run script, and under this policy it can
load nothing from elsewhere. Public pages need none, so they keep the stricter policy.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware

ADMIN_PREFIX = "/admin/"


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), "style-src-attr": [UNSAFE_INLINE]}
        return parts

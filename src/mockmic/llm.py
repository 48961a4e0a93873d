"""An optional language model that rewrites the personalised model answer more fluently.

Off by default: mockmic's judgment and its rebuilt answer stand on rules alone. A user who runs an
OpenAI-compatible server (Ollama, llama.cpp's server, vLLM, OpenAI itself) can name it with
`--llm URL` or MOCKMIC_LLM_URL; the model only rewrites the rule-built draft, it never scores.

The draft already has the candidate's facts in the recommended order and a [bracketed] prompt for
each missing part, so the model is asked to smooth the wording and nothing else. Its reply is
refused (and the draft kept) when it drops a bracketed prompt, since that means it made up the
missing part, or when it is empty or far longer than the draft. Any failure of the server leaves
the rule-built answer in place with a warning: an unreachable LLM never costs the user a report.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass

import httpx

from mockmic.errors import EngineError
from mockmic.rubric.schema import Question

__all__ = ["LLMOptions", "from_env", "rewrite"]

log = logging.getLogger("mockmic.llm")

_PROMPT = re.compile(r"\[[^\]]+\]")
MAX_GROWTH = 1.6  # a smoother wording of the same facts is about as long as the draft
SYSTEM = (
    "You are an experienced hiring manager coaching a candidate. You get an interview question, "
    "the parts a good answer has (in order, with the share of time each deserves), and a draft "
    "answer rebuilt from the candidate's own words. Rewrite the draft so it reads as a natural "
    "spoken answer in the first person. Rules: keep every fact, number and name the draft has; "
    "add no fact, number, name or result of your own; keep the parts in the given order; keep "
    "every [bracketed] text exactly as written, in place, because it marks something the "
    "candidate still has to fill in; no headings, no lists, no preamble. "
    "Reply with the answer only."
)


@dataclass(frozen=True)
class LLMOptions:
    url: str  # base URL of the OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1
    model: str = "default"
    api_key: str | None = None
    timeout_s: float = 60.0

    @property
    def label(self) -> str:
        return f"llm:{self.model}"


def from_env() -> LLMOptions | None:
    """The LLM named by MOCKMIC_LLM_URL (and _MODEL, _API_KEY), or None: the default is none."""
    url = os.environ.get("MOCKMIC_LLM_URL", "").strip()
    if not url:
        return None
    return LLMOptions(
        url=url,
        model=os.environ.get("MOCKMIC_LLM_MODEL", "").strip() or "default",
        api_key=os.environ.get("MOCKMIC_LLM_API_KEY") or None,
    )


def rewrite(options: LLMOptions, question: Question, draft: str) -> str:
    """The draft in smoother words; raises EngineError when the server fails or the reply is
    not a faithful rewrite."""
    reply = _chat(options, [{"role": "system", "content": SYSTEM}, _request(question, draft)])
    _check(draft, reply)
    return reply


def _request(question: Question, draft: str) -> dict[str, str]:
    parts = "\n".join(f"- {p.label} ({p.share:.0%})" for p in question.structure)
    content = f"Question: {question.prompt}\n\nParts, in order:\n{parts}\n\nDraft:\n{draft}"
    return {"role": "user", "content": content}


def _chat(options: LLMOptions, messages: list[dict[str, str]]) -> str:
    headers = {"Authorization": f"Bearer {options.api_key}"} if options.api_key else {}
    body = {"model": options.model, "messages": messages, "temperature": 0.2}
    url = options.url.rstrip("/") + "/chat/completions"
    try:
        response = httpx.post(url, json=body, headers=headers, timeout=options.timeout_s)
        response.raise_for_status()
        content = response.json()["choices"][0]["message"]["content"]
    except httpx.HTTPError as e:
        raise EngineError(f"the LLM at {options.url} did not answer ({e})") from e
    except (ValueError, KeyError, IndexError, TypeError) as e:
        raise EngineError(
            f"the LLM at {options.url} sent a reply that is not a chat completion"
        ) from e
    if not isinstance(content, str):
        raise EngineError(f"the LLM at {options.url} sent no text")
    return content.strip()


def _check(draft: str, reply: str) -> None:
    if not reply:
        raise EngineError("the LLM sent an empty answer")
    if len(reply) > MAX_GROWTH * len(draft) + 200:
        raise EngineError("the LLM's answer is far longer than the draft: it added to the story")
    missing = [p for p in _PROMPT.findall(draft) if p not in reply]
    if missing:
        raise EngineError(f"the LLM dropped the prompt {missing[0]}: it filled in a missing part")

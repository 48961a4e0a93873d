"""The public surface is small on purpose; changing it must be a decision, not an accident."""

import mockmic


def test_public_api_is_pinned() -> None:
    assert sorted(mockmic.__all__) == [
        "AudioError",
        "BadInput",
        "EngineError",
        "MockmicError",
        "Report",
        "SilentAudio",
        "TooLong",
        "UnknownQuestion",
        "__version__",
        "score",
    ]
    for name in mockmic.__all__:
        assert hasattr(mockmic, name), name


def test_errors_map_to_exit_codes_and_http_statuses() -> None:
    assert mockmic.MockmicError.exit_code == 1
    assert mockmic.BadInput.exit_code == 2
    assert mockmic.TooLong.exit_code == 2 and mockmic.TooLong.http_status == 413
    assert mockmic.UnknownQuestion.http_status == 404
    assert issubclass(mockmic.SilentAudio, mockmic.AudioError)
    assert issubclass(mockmic.AudioError, mockmic.BadInput)

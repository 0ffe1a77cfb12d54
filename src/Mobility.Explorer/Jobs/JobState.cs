namespace Mobility.Explorer.Jobs;

public enum JobState
{
    Queued,

    Running,

    Done,

    Failed,

    Cancelled,
}

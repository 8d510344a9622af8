import { createContext, type ProfilerOnRenderCallback } from 'react';

/**
 * Lets a test see which meeting rows render: when provided, each row renders inside a React
 * <Profiler id={meeting key}>, so a memoized row that bails out reports nothing. The app
 * provides none, and then rows render no Profiler at all.
 */
export const RowRenderProbe = createContext<ProfilerOnRenderCallback | null>(null);

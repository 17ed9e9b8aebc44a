/** Types of sshd.js, for the tests that start one. */
export declare const SSHD: string;
export declare function startSshd(folder: string): Promise<{ readonly ssh: string; readonly port: number; stop(): Promise<void> }>;

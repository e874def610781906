/** A status input with one open and one resolved incident, and text that needs escaping. */
import type { Notice } from '../../server/core/engine/types.js';
import type { IncidentStage } from '../../server/core/plan/types.js';
import type { StatusInput } from '../../server/status/status-input.js';

const LEVELS = ['normal', 'elevated', 'surge', 'overload'];

function notice(id: string, incidentId: string, service: string, t: string, level: string, stage: IncidentStage): Notice {
  return {
    id,
    incidentId,
    t,
    service,
    level,
    stage,
    cause: { en: 'the 09:00 meeting surge <10x> & "retries"', 'zh-CN': '九点开会高峰（流量为平时 10 倍）' },
    multiple: 10,
    expectedDelayMs: 4200,
    expectedRecoveryAt: stage === 'resolved' ? null : '2020-02-03T03:00:00.000Z',
    nextUpdateAt: stage === 'resolved' ? null : '2020-02-03T01:30:00.000Z',
    text: {
      en: { title: `${service} is slower than usual`, body: `Messages may arrive late (${stage}) <b>not bold</b> & 🚀.` },
      'zh-CN': { title: `${service} 响应变慢`, body: `消息可能延迟送达（${stage}）。` },
    },
  };
}

export function statusFixture(): StatusInput {
  return {
    page: { id: 'flashcrowd', name: 'Flashcrowd drill', url: 'https://status.example.com', timeZone: 'Asia/Shanghai', updatedAt: '2020-02-03T01:20:00.000Z' },
    language: 'en',
    services: [
      {
        name: 'messaging',
        displayName: 'Messaging',
        displayNames: { en: 'Messaging', 'zh-CN': '即时消息' },
        description: 'Chat & message delivery',
        level: 'overload',
        levels: LEVELS,
        openAtLevel: 'surge',
        usersFine: false,
        createdAt: '2020-02-01T00:00:00.000Z',
        updatedAt: '2020-02-03T01:05:00.000Z',
      },
      {
        name: 'video',
        displayName: 'Video meetings',
        displayNames: { en: 'Video meetings', 'zh-CN': '视频会议' },
        description: null,
        level: 'elevated',
        levels: LEVELS,
        openAtLevel: 'surge',
        usersFine: false,
        createdAt: '2020-02-01T00:00:00.000Z',
        updatedAt: '2020-02-03T02:40:00.000Z',
      },
    ],
    incidents: [
      {
        id: 'inc-video-1',
        service: 'video',
        level: 'surge',
        stage: 'resolved',
        openedAt: '2020-02-02T01:00:00.000Z',
        updatedAt: '2020-02-02T03:00:00.000Z',
        resolvedAt: '2020-02-02T03:00:00.000Z',
        notices: [
          notice('n-v-4', 'inc-video-1', 'video', '2020-02-02T03:00:00.000Z', 'normal', 'resolved'),
          notice('n-v-1', 'inc-video-1', 'video', '2020-02-02T01:00:00.000Z', 'surge', 'investigating'),
          notice('n-v-3', 'inc-video-1', 'video', '2020-02-02T02:30:00.000Z', 'surge', 'monitoring'),
          notice('n-v-2', 'inc-video-1', 'video', '2020-02-02T01:30:00.000Z', 'surge', 'identified'),
        ],
      },
      {
        id: 'inc-messaging-1',
        service: 'messaging',
        level: 'overload',
        stage: 'identified',
        openedAt: '2020-02-03T01:00:00.000Z',
        updatedAt: '2020-02-03T01:05:00.000Z',
        resolvedAt: null,
        notices: [
          notice('n-m-1', 'inc-messaging-1', 'messaging', '2020-02-03T01:00:00.000Z', 'surge', 'investigating'),
          notice('n-m-2', 'inc-messaging-1', 'messaging', '2020-02-03T01:05:00.000Z', 'overload', 'identified'),
        ],
      },
    ],
  };
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LessonPanel</name>
    <message>
        <source>Choose a lesson</source>
        <extracomment>Lesson highlight keys that name a view instead of a part of the diagram. Lesson highlight key -&gt; the diagram&apos;s key, where they differ.</extracomment>
        <translation>강의를 고르세요</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>강의 내용</translation>
    </message>
    <message>
        <source>Measured on this computer when the page opened</source>
        <translation>이 페이지를 열 때 이 컴퓨터에서 잰 값</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>This page is best watched running: play (Space)</source>
        <translation>이 페이지는 재생하면서 보는 것이 좋습니다: 재생 (스페이스)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>The previous page</source>
        <translation>이전 페이지</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>보여 주기</translation>
    </message>
    <message>
        <source>Set the window up for this page again</source>
        <translation>이 페이지에 맞게 창을 다시 설정합니다</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>The next page</source>
        <translation>다음 페이지</translation>
    </message>
    <message>
        <source>No lessons</source>
        <translation>강의 없음</translation>
    </message>
    <message>
        <source>{count} pages · press Start</source>
        <translation>{count}페이지 · 시작을 누르세요</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>{count}페이지 중 {page}페이지</translation>
    </message>
    <message>
        <source>Lesson page: {title}</source>
        <translation>강의 페이지: {title}</translation>
    </message>
    <message>
        <source>Start ▶</source>
        <translation>시작 ▶</translation>
    </message>
    <message>
        <source>{preset}: {us:.1f} µs per step on this computer, measured just now</source>
        <translation>{preset}: 이 컴퓨터에서 스텝당 {us:.1f} µs (방금 측정)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
</context>
</TS>

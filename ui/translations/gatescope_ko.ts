<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>재생 또는 일시 정지</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>한 스텝 앞으로(&amp;F)</translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation>한 스텝 앞으로</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>한 스텝 뒤로(&amp;B)</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>한 스텝 뒤로</translation>
    </message>
    <message>
        <source>&amp;Reset to step 0</source>
        <translation>0번 스텝으로(&amp;R)</translation>
    </message>
    <message>
        <source>Go to the first step and stop</source>
        <translation>첫 스텝으로 가서 멈춥니다</translation>
    </message>
    <message>
        <source>Go to &amp;end</source>
        <translation>끝으로(&amp;E)</translation>
    </message>
    <message>
        <source>Go to the last step</source>
        <translation>마지막 스텝으로 갑니다</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>세션 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session (.json)</source>
        <translation>저장한 세션(.json)을 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>세션을 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session under a new name</source>
        <translation>세션을 새 이름으로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Import weights…</source>
        <translation>가중치 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Load a cell&apos;s weights from a PyTorch, Keras, ONNX, NPZ or safetensors file</source>
        <translation>PyTorch, Keras, ONNX, NPZ, safetensors 파일에서 셀의 가중치를 불러옵니다</translation>
    </message>
    <message>
        <source>Load &amp;inputs…</source>
        <translation>입력 불러오기(&amp;N)…</translation>
    </message>
    <message>
        <source>Load the input sequence from .npy, .csv or .json</source>
        <translation>.npy, .csv, .json 파일에서 입력 시퀀스를 불러옵니다</translation>
    </message>
    <message>
        <source>&amp;Trace…</source>
        <translation>트레이스(&amp;T)…</translation>
    </message>
    <message>
        <source>Export the trace as NPZ, CSV (wide or long) or JSON</source>
        <translation>트레이스를 NPZ, CSV(넓은 형식 또는 긴 형식), JSON으로 내보냅니다</translation>
    </message>
    <message>
        <source>&amp;Weights…</source>
        <translation>가중치(&amp;W)…</translation>
    </message>
    <message>
        <source>Export the weights (PyTorch names, NPZ, …)</source>
        <translation>가중치를 내보냅니다 (PyTorch 이름, NPZ, …)</translation>
    </message>
    <message>
        <source>Current &amp;view as image…</source>
        <translation>현재 화면을 이미지로(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the diagram, the gradient plot or the whole window as PNG or SVG</source>
        <translation>다이어그램, 기울기 그래프 또는 창 전체를 PNG나 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Run as animated &amp;GIF…</source>
        <translation>실행 과정을 GIF 애니메이션으로(&amp;G)…</translation>
    </message>
    <message>
        <source>Save the run of the diagram as a GIF</source>
        <translation>다이어그램의 실행 과정을 GIF로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit GateScope</source>
        <translation>GateScope를 끝냅니다</translation>
    </message>
    <message>
        <source>&amp;Focus on the cell</source>
        <translation>셀에 집중(&amp;F)</translation>
    </message>
    <message>
        <source>Hide every panel: the diagram and the timeline fill the window (again: panels back)</source>
        <translation>모든 패널 숨기기: 다이어그램과 타임라인이 창을 채웁니다 (다시 누르면 패널이 돌아옵니다)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>배치 초기화(&amp;L)</translation>
    </message>
    <message>
        <source>Put every panel back where it started</source>
        <translation>모든 패널을 처음 자리로 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;About GateScope</source>
        <translation>GateScope 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>버전과 라이선스</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>마지막 편집을 취소합니다 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the edit just undone (Ctrl+Shift+Z)</source>
        <translation>방금 취소한 편집을 다시 실행합니다 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>Pre&amp;sets</source>
        <translation>프리셋(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>About this example</source>
        <translation>이 예제에 대해</translation>
    </message>
    <message>
        <source>Cell set-up</source>
        <translation>셀 설정</translation>
    </message>
    <message>
        <source>Gates and states</source>
        <translation>게이트와 상태</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>검사기</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Show or hide the {panel} panel</source>
        <translation>{panel} 패널을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>GRU (reset after matmul)</source>
        <translation>GRU (행렬곱 뒤 리셋)</translation>
    </message>
    <message>
        <source>GRU (reset before matmul)</source>
        <translation>GRU (행렬곱 앞 리셋)</translation>
    </message>
    <message>
        <source>LSTM with peepholes</source>
        <translation>핍홀 LSTM</translation>
    </message>
    <message>
        <source>cell state</source>
        <translation>셀 상태</translation>
    </message>
    <message>
        <source>hidden state</source>
        <translation>은닉 상태</translation>
    </message>
    <message>
        <source>1 input</source>
        <translation>입력 1개</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>입력 {n}개</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>유닛 1개</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>유닛 {n}개</translation>
    </message>
    <message>
        <source>{kind}, {inputs}, {units}</source>
        <translation>{kind}, {inputs}, {units}</translation>
    </message>
    <message>
        <source>Hover a gate or state to see its equation with this step&apos;s numbers; click it to pin it here.</source>
        <translation>게이트나 상태 위에 마우스를 올리면 이 스텝의 값이 들어간 식이 보입니다. 클릭하면 여기에 고정됩니다.</translation>
    </message>
    <message>
        <source>RNN (tanh)</source>
        <translation>RNN (tanh)</translation>
    </message>
    <message>
        <source>Elman RNN: h&apos; = tanh(W_ih x + b_ih + W_hh h + b_hh)</source>
        <translation>엘만 RNN: h&apos; = tanh(W_ih x + b_ih + W_hh h + b_hh)</translation>
    </message>
    <message>
        <source>RNN (ReLU)</source>
        <translation>RNN (ReLU)</translation>
    </message>
    <message>
        <source>Elman RNN with ReLU: h&apos; = relu(W_ih x + b_ih + W_hh h + b_hh)</source>
        <translation>ReLU를 쓰는 엘만 RNN: h&apos; = relu(W_ih x + b_ih + W_hh h + b_hh)</translation>
    </message>
    <message>
        <source>LSTM with gates i, f, g, o and a cell state c (PyTorch layout)</source>
        <translation>게이트 i, f, g, o와 셀 상태 c를 가진 LSTM (PyTorch 배치)</translation>
    </message>
    <message>
        <source>GRU (reset after, PyTorch)</source>
        <translation>GRU (뒤 리셋, PyTorch)</translation>
    </message>
    <message>
        <source>GRU as in PyTorch (and Keras reset_after=True): n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</source>
        <translation>PyTorch(및 Keras reset_after=True) 방식의 GRU: n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</translation>
    </message>
    <message>
        <source>GRU (reset before, Cho et al.)</source>
        <translation>GRU (앞 리셋, Cho 외)</translation>
    </message>
    <message>
        <source>GRU of Cho et al. 2014 (Keras reset_after=False): n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)</source>
        <translation>Cho 외(2014)의 GRU (Keras reset_after=False): n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)</translation>
    </message>
    <message>
        <source>PyTorch default: every weight and bias ~ U(−1/√H, 1/√H)</source>
        <translation>PyTorch 기본값: 모든 가중치와 편향 ~ U(−1/√H, 1/√H)</translation>
    </message>
    <message>
        <source>Glorot-uniform kernels, zero biases</source>
        <translation>Glorot 균등 분포 커널, 편향은 0</translation>
    </message>
    <message>
        <source>Glorot-uniform input kernel, an orthogonal recurrent matrix per gate</source>
        <translation>Glorot 균등 분포 입력 커널, 게이트마다 직교 순환 행렬</translation>
    </message>
    <message>
        <source>Keras defaults: Glorot kernel, orthogonal recurrent kernel, zero bias (LSTM forget bias 1)</source>
        <translation>Keras 기본값: Glorot 커널, 직교 순환 커널, 편향 0 (LSTM 망각 편향 1)</translation>
    </message>
    <message>
        <source>All weights and biases zero</source>
        <translation>모든 가중치와 편향을 0으로</translation>
    </message>
    <message>
        <source>forget gate</source>
        <extracomment>What each key is, for people.</extracomment>
        <translation>망각 게이트</translation>
    </message>
    <message>
        <source>input gate</source>
        <translation>입력 게이트</translation>
    </message>
    <message>
        <source>cell candidate</source>
        <translation>셀 후보값</translation>
    </message>
    <message>
        <source>output gate</source>
        <translation>출력 게이트</translation>
    </message>
    <message>
        <source>new cell state</source>
        <translation>새 셀 상태</translation>
    </message>
    <message>
        <source>cell state entering the step</source>
        <translation>이 스텝에 들어오는 셀 상태</translation>
    </message>
    <message>
        <source>new hidden state</source>
        <translation>새 은닉 상태</translation>
    </message>
    <message>
        <source>hidden state entering the step</source>
        <translation>이 스텝에 들어오는 은닉 상태</translation>
    </message>
    <message>
        <source>{help} ({low} … {high}, default {default})</source>
        <translation>{help} ({low} … {high}, 기본값 {default})</translation>
    </message>
    <message>
        <source>Generate inputs</source>
        <translation>입력 생성</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>생성기</translation>
    </message>
    <message>
        <source>The kind of signal to generate</source>
        <translation>만들 신호의 종류</translation>
    </message>
    <message>
        <source>Number of steps T (1 … {max})</source>
        <translation>스텝 수 T (1 … {max})</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>스텝 수</translation>
    </message>
    <message>
        <source>Inputs per step D (the signal is repeated in every column)</source>
        <translation>스텝당 입력 수 D (모든 열에 같은 신호를 반복)</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>입력 크기</translation>
    </message>
    <message>
        <source>&amp;Generator</source>
        <translation>생성기(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>스텝 수(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Input size</source>
        <translation>입력 크기(&amp;I)</translation>
    </message>
    <message>
        <source>Preview of the generated sequence (one line per input; columns offset)</source>
        <translation>생성한 시퀀스 미리 보기 (입력마다 선 하나, 열마다 어긋나게)</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Use these inputs</source>
        <translation>이 입력 사용</translation>
    </message>
    <message>
        <source>Replace the session&apos;s inputs by this sequence (one undo step)</source>
        <translation>세션의 입력을 이 시퀀스로 바꿉니다 (실행 취소 한 번)</translation>
    </message>
    <message>
        <source>Fixed by the {name} generator: {n} inputs per step</source>
        <translation>{name} 생성기가 정함: 스텝당 입력 {n}개</translation>
    </message>
    <message>
        <source>{steps} steps × {inputs} inputs</source>
        <translation>{steps}스텝 × 입력 {inputs}개</translation>
    </message>
    <message>
        <source> — the cell takes {n}: its input weights will be re-initialised.</source>
        <translation> — 셀의 입력은 {n}개이므로 입력 가중치를 다시 초기화합니다.</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Generate {name} ({steps} steps)</source>
        <translation>{name} 생성 ({steps}스텝)</translation>
    </message>
    <message>
        <source>what the forget gate keeps</source>
        <translation>망각 게이트가 남기는 값</translation>
    </message>
    <message>
        <source>what the input gate writes</source>
        <translation>입력 게이트가 쓰는 값</translation>
    </message>
    <message>
        <source>squashed cell state</source>
        <translation>tanh로 눌러 담은 셀 상태</translation>
    </message>
    <message>
        <source>reset gate</source>
        <translation>리셋 게이트</translation>
    </message>
    <message>
        <source>update gate</source>
        <translation>업데이트 게이트</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>후보 은닉 상태</translation>
    </message>
    <message>
        <source>reset applied</source>
        <translation>리셋이 적용된 값</translation>
    </message>
    <message>
        <source>old state kept (z ⊙ h)</source>
        <translation>남겨 둔 이전 상태 (z ⊙ h)</translation>
    </message>
    <message>
        <source>share of the candidate</source>
        <translation>후보의 반영 비율</translation>
    </message>
    <message>
        <source>candidate let in</source>
        <translation>반영된 후보</translation>
    </message>
    <message>
        <source>pre-activation</source>
        <translation>활성화 전 값</translation>
    </message>
    <message>
        <source>h′ = (1 − z) ⊙ n + z ⊙ h   (z = 1 keeps the old state; PyTorch/Keras convention)</source>
        <translation>h′ = (1 − z) ⊙ n + z ⊙ h   (z = 1이면 이전 상태 유지; PyTorch/Keras 규약)</translation>
    </message>
    <message>
        <source>reset after matmul (PyTorch):  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</source>
        <translation>행렬곱 뒤 리셋 (PyTorch):  n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</translation>
    </message>
    <message>
        <source>reset before matmul (Cho/Keras):  n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)</source>
        <translation>행렬곱 앞 리셋 (Cho/Keras):  n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)</translation>
    </message>
    <message>
        <source>the initial state {s}₀</source>
        <translation>초기 상태 {s}₀</translation>
    </message>
    <message>
        <source>{s} after step {step}</source>
        <translation>{step}스텝 뒤의 {s}</translation>
    </message>
    <message>
        <source>  (reset after matmul, PyTorch: r scales this unit&apos;s recurrent term)</source>
        <translation>  (행렬곱 뒤 리셋, PyTorch: r이 이 유닛의 순환 항에 곱해짐)</translation>
    </message>
    <message>
        <source>  (reset before matmul, Cho/Keras: n sees W_hn (r ⊙ h) over all units)</source>
        <translation>  (행렬곱 앞 리셋, Cho/Keras: n은 모든 유닛의 W_hn (r ⊙ h)를 봄)</translation>
    </message>
    <message>
        <source>no steps yet</source>
        <translation>아직 스텝이 없습니다</translation>
    </message>
    <message>
        <source>unit {unit}, t = {step}</source>
        <translation>유닛 {unit}, t = {step}</translation>
    </message>
    <message>
        <source>; mean over {units} units = {mean}</source>
        <translation>; 유닛 {units}개 평균 = {mean}</translation>
    </message>
    <message>
        <source>i, f, o: sigmoid gates (0 = closed, 1 = open);  g: the candidate written into the cell</source>
        <translation>i, f, o: 시그모이드 게이트 (0 = 닫힘, 1 = 열림);  g: 셀에 쓰이는 후보값</translation>
    </message>
    <message>
        <source>peepholes:  i and f also read c, o reads c′  (p ⊙ c added inside σ)</source>
        <translation>핍홀:  i와 f는 c도, o는 c′도 읽음  (σ 안에 p ⊙ c를 더함)</translation>
    </message>
    <message>
        <source>one layer, no gates: the state is rewritten at every step</source>
        <translation>층 하나, 게이트 없음: 스텝마다 상태를 새로 씁니다</translation>
    </message>
    <message>
        <source>{speed} steps/s</source>
        <translation>초당 {speed}스텝</translation>
    </message>
    <message>
        <source>Force a gate</source>
        <translation>게이트 고정</translation>
    </message>
    <message>
        <source>Change the input</source>
        <translation>입력 바꾸기</translation>
    </message>
    <message>
        <source>Change a weight</source>
        <translation>가중치 바꾸기</translation>
    </message>
    <message>
        <source>{what}: {text} is not a list of numbers</source>
        <translation>{what}: {text}은(는) 숫자 목록이 아닙니다</translation>
    </message>
    <message>
        <source>{what}: give finite numbers separated by commas</source>
        <translation>{what}: 쉼표로 구분한 유한한 숫자를 입력하세요</translation>
    </message>
    <message>
        <source>From step: the branch&apos;s first step (follows the current step)</source>
        <translation>시작 스텝: 분기가 시작되는 스텝 (현재 스텝을 따라감)</translation>
    </message>
    <message>
        <source>What the branch changes</source>
        <translation>분기에서 바꿀 것</translation>
    </message>
    <message>
        <source>Branch change</source>
        <translation>분기 변경</translation>
    </message>
    <message>
        <source>The gate held at the value</source>
        <translation>이 값으로 고정할 게이트</translation>
    </message>
    <message>
        <source>Gate to force</source>
        <translation>고정할 게이트</translation>
    </message>
    <message>
        <source>Value: the gate&apos;s value (0 … 1 for σ gates, −1 … 1 for tanh)</source>
        <translation>값: 게이트 값 (σ 게이트는 0 … 1, tanh는 −1 … 1)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Units: “all”, or unit numbers separated by commas, e.g. 0,2</source>
        <translation>유닛: “전체” 또는 쉼표로 구분한 유닛 번호 (예: 0,2)</translation>
    </message>
    <message>
        <source>Units to force</source>
        <translation>고정할 유닛</translation>
    </message>
    <message>
        <source>The input at the start step, one value per input dimension</source>
        <translation>시작 스텝의 입력, 입력 차원마다 값 하나</translation>
    </message>
    <message>
        <source>Input row</source>
        <translation>입력 행</translation>
    </message>
    <message>
        <source>The parameter to change</source>
        <translation>바꿀 파라미터</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Row: the weight&apos;s row (gate blocks stacked, PyTorch layout)</source>
        <translation>행: 가중치의 행 (게이트 블록을 쌓은 PyTorch 배치)</translation>
    </message>
    <message>
        <source>Column: the weight&apos;s column (input or unit)</source>
        <translation>열: 가중치의 열 (입력 또는 유닛)</translation>
    </message>
    <message>
        <source>New value: the weight&apos;s value in the branch</source>
        <translation>새 값: 분기에서 쓸 가중치 값</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>게이트</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>Row, column</source>
        <translation>행, 열</translation>
    </message>
    <message>
        <source>NumPy arrays with metadata (*.npz)</source>
        <translation>메타데이터가 있는 NumPy 배열 (*.npz)</translation>
    </message>
    <message>
        <source>CSV, one row per step (*.csv)</source>
        <translation>CSV, 스텝마다 한 행 (*.csv)</translation>
    </message>
    <message>
        <source>CSV long, one row per number (*.csv)</source>
        <translation>긴 CSV, 숫자마다 한 행 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>safetensors, PyTorch names (*.safetensors)</source>
        <translation>safetensors, PyTorch 이름 (*.safetensors)</translation>
    </message>
    <message>
        <source>safetensors, Keras names (*.safetensors)</source>
        <translation>safetensors, Keras 이름 (*.safetensors)</translation>
    </message>
    <message>
        <source>NumPy archive, PyTorch names (*.npz)</source>
        <translation>NumPy 아카이브, PyTorch 이름 (*.npz)</translation>
    </message>
    <message>
        <source>NumPy archive, Keras names (*.npz)</source>
        <translation>NumPy 아카이브, Keras 이름 (*.npz)</translation>
    </message>
    <message>
        <source>PyTorch state dict (*.pt)</source>
        <translation>PyTorch state dict (*.pt)</translation>
    </message>
    <message>
        <source>Keras weights (*.weights.h5)</source>
        <translation>Keras 가중치 (*.weights.h5)</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>The cell diagram</source>
        <translation>셀 다이어그램</translation>
    </message>
    <message>
        <source>The gradient plot</source>
        <translation>기울기 그래프</translation>
    </message>
    <message>
        <source>The whole window</source>
        <translation>창 전체</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <source>Save which view?</source>
        <translation>어느 화면을 저장할까요?</translation>
    </message>
    <message>
        <source>Export the run as an animated GIF</source>
        <translation>실행 과정을 GIF 애니메이션으로 내보내기</translation>
    </message>
    <message>
        <source>The first step shown</source>
        <translation>보여 줄 첫 스텝</translation>
    </message>
    <message>
        <source>The last step shown</source>
        <translation>보여 줄 마지막 스텝</translation>
    </message>
    <message>
        <source>Show every n-th step</source>
        <translation>n스텝마다 하나씩 보여 줌</translation>
    </message>
    <message>
        <source>Frames per second when the GIF plays</source>
        <translation>GIF를 재생할 때 초당 프레임 수</translation>
    </message>
    <message>
        <source>Width of the GIF in pixels</source>
        <translation>GIF의 너비 (픽셀)</translation>
    </message>
    <message>
        <source>From step</source>
        <translation>시작 스텝</translation>
    </message>
    <message>
        <source>To step</source>
        <translation>끝 스텝</translation>
    </message>
    <message>
        <source>Every n-th step</source>
        <translation>n스텝마다</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>초당 프레임</translation>
    </message>
    <message>
        <source>Width (px)</source>
        <translation>너비 (px)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>units</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>units: {text} must be whole unit numbers</source>
        <translation>유닛: {text}은(는) 정수 유닛 번호여야 합니다</translation>
    </message>
    <message>
        <source> (units {units})</source>
        <translation> (유닛 {units})</translation>
    </message>
    <message>
        <source>{what}{where} from step {t}</source>
        <translation>{t}스텝부터 {what}{where}</translation>
    </message>
    <message>
        <source>input {row} at step {t}</source>
        <translation>{t}스텝의 입력 {row}</translation>
    </message>
    <message>
        <source>a plain RNN has no gates to force</source>
        <translation>기본 RNN에는 고정할 게이트가 없습니다</translation>
    </message>
    <message>
        <source>input row</source>
        <translation>입력 행</translation>
    </message>
    <message>
        <source>name (optional)</source>
        <translation>이름 (선택)</translation>
    </message>
    <message>
        <source>A name for the branch (a description is used when empty)</source>
        <translation>분기 이름 (비워 두면 설명을 씁니다)</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>분기 이름</translation>
    </message>
    <message>
        <source>Run and keep branch</source>
        <translation>분기 실행 후 보관</translation>
    </message>
    <message>
        <source>Run the branch from the chosen step and keep it in the list (undoable)</source>
        <translation>고른 스텝부터 분기를 실행하고 목록에 보관합니다 (실행 취소 가능)</translation>
    </message>
    <message>
        <source>Kept branches: select one to show it beside the original; double-click to rename. They are saved with the session.</source>
        <translation>보관한 분기: 하나를 고르면 원래 실행과 나란히 보여 줍니다. 두 번 클릭하면 이름을 바꿉니다. 세션과 함께 저장됩니다.</translation>
    </message>
    <message>
        <source>Kept branches</source>
        <translation>보관한 분기</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Remove the selected branch (Ctrl+Z brings it back)</source>
        <translation>선택한 분기를 지웁니다 (Ctrl+Z로 되돌릴 수 있음)</translation>
    </message>
    <message>
        <source>The selected unit&apos;s hidden state: the original run and the branch (dashed orange)</source>
        <translation>선택한 유닛의 은닉 상태: 원래 실행과 분기 (주황 점선)</translation>
    </message>
    <message>
        <source>h of the selected unit</source>
        <translation>선택한 유닛의 h</translation>
    </message>
    <message>
        <source>original</source>
        <translation>원래 실행</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>분기</translation>
    </message>
    <message>
        <source>|Δh| = |h_branch − h_original| for each unit (rows) and step (columns): where and how much the branch differs</source>
        <translation>유닛(행)과 스텝(열)마다 |Δh| = |h_branch − h_original|: 분기가 어디서 얼마나 달라지는지</translation>
    </message>
    <message>
        <source>|Δh|, units × steps</source>
        <translation>|Δh|, 유닛 × 스텝</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>diverges</source>
        <translation>갈라짐</translation>
    </message>
    <message>
        <source>No branch yet: choose a change on the left and press “Run and keep branch”.</source>
        <translation>아직 분기가 없습니다. 왼쪽에서 바꿀 것을 고르고 “분기 실행 후 보관”을 누르세요.</translation>
    </message>
    <message>
        <source>Cannot branch: {error}</source>
        <translation>분기할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Branch “{name}” cannot be read: {error}</source>
        <translation>분기 “{name}”을(를) 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Running “{name}”…</source>
        <translation>“{name}” 실행 중…</translation>
    </message>
    <message>
        <source>Cannot run the branch: {error}</source>
        <translation>분기를 실행할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>“{name}” never diverges from the original run (|Δh| = 0 at every step).</source>
        <translation>“{name}”은(는) 원래 실행과 한 번도 갈라지지 않습니다 (모든 스텝에서 |Δh| = 0).</translation>
    </message>
    <message>
        <source>“{name}” diverges from step &lt;b&gt;{first}&lt;/b&gt;; the largest difference is |Δh| = {top} at step {worst}.</source>
        <translation>“{name}”은(는) &lt;b&gt;{first}&lt;/b&gt;스텝부터 갈라집니다. 가장 큰 차이는 {worst}스텝의 |Δh| = {top}입니다.</translation>
    </message>
    <message>
        <source>h of unit {unit}: original and branch</source>
        <translation>유닛 {unit}의 h: 원래 실행과 분기</translation>
    </message>
    <message>
        <source>Keep branch “{name}”</source>
        <translation>분기 “{name}” 보관</translation>
    </message>
    <message>
        <source>Discard branch “{name}”</source>
        <translation>분기 “{name}” 버리기</translation>
    </message>
    <message>
        <source>Rename branch to “{name}”</source>
        <translation>분기 이름을 “{name}”(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Take {label} out of the comparison</source>
        <translation>{label}을(를) 비교에서 뺍니다</translation>
    </message>
    <message>
        <source>Remove {label}</source>
        <translation>{label} 빼기</translation>
    </message>
    <message>
        <source>{label}: the hidden state h of every unit (rows) at every step (columns), blue −1 … red +1; click to go to a step</source>
        <translation>{label}: 모든 유닛(행)의 모든 스텝(열)에서의 은닉 상태 h, 파랑 −1 … 빨강 +1. 클릭하면 그 스텝으로 갑니다</translation>
    </message>
    <message>
        <source>{label}: hidden state h</source>
        <translation>{label}: 은닉 상태 h</translation>
    </message>
    <message>
        <source>{kind} (this session)</source>
        <translation>{kind} (이 세션)</translation>
    </message>
    <message>
        <source>Compare cells — GateScope</source>
        <translation>셀 비교 — GateScope</translation>
    </message>
    <message>
        <source>Reset to step 0</source>
        <translation>0번 스텝으로</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>한 스텝 뒤로</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>한 스텝 앞으로</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Add current cell</source>
        <translation>현재 셀 추가</translation>
    </message>
    <message>
        <source>Add the main window&apos;s cell to the comparison</source>
        <translation>메인 창의 셀을 비교에 추가합니다</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>Add the cell of a saved session (.json) to the comparison</source>
        <translation>저장한 세션(.json)의 셀을 비교에 추가합니다</translation>
    </message>
    <message>
        <source>A fresh RNN, LSTM and GRU of the main cell&apos;s sizes</source>
        <translation>메인 셀과 같은 크기의 새 RNN, LSTM, GRU</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>표 내보내기…</translation>
    </message>
    <message>
        <source>Save every run aligned by step (CSV, JSON, NPZ)</source>
        <translation>모든 실행을 스텝별로 맞춰 저장합니다 (CSV, JSON, NPZ)</translation>
    </message>
    <message>
        <source>Export memory plot…</source>
        <translation>기억 그래프 내보내기…</translation>
    </message>
    <message>
        <source>Save the memory test&apos;s plot as PNG</source>
        <translation>기억 테스트 그래프를 PNG로 저장합니다</translation>
    </message>
    <message>
        <source>Cell diagram</source>
        <translation>셀 다이어그램</translation>
    </message>
    <message>
        <source>What each row shows beside its heatmap: every unit&apos;s gates and states at the current step, or the cell diagram (taller rows)</source>
        <translation>각 행의 히트맵 옆에 보여 줄 것: 현재 스텝의 모든 유닛의 게이트와 상태, 또는 셀 다이어그램 (행이 더 높아짐)</translation>
    </message>
    <message>
        <source>Row view</source>
        <translation>행 보기</translation>
    </message>
    <message>
        <source>Shared transport</source>
        <translation>공유 재생 막대</translation>
    </message>
    <message>
        <source>Runs, aligned by step</source>
        <translation>스텝별로 맞춘 실행</translation>
    </message>
    <message>
        <source>Memory test</source>
        <translation>기억 테스트</translation>
    </message>
    <message>
        <source>Cannot add the cell</source>
        <translation>셀을 추가할 수 없습니다</translation>
    </message>
    <message>
        <source>At most {n} cells can be compared at once.</source>
        <translation>한 번에 최대 {n}개의 셀만 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>{label} takes {n} inputs per step, the shared inputs have {shared}.</source>
        <translation>{label}은(는) 스텝마다 입력 {n}개를 받지만 공유 입력은 {shared}개입니다.</translation>
    </message>
    <message>
        <source>Add a session to the comparison</source>
        <translation>비교에 세션 추가</translation>
    </message>
    <message>
        <source>GateScope sessions</source>
        <translation>GateScope 세션</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” before closing it?</source>
        <translation>닫기 전에 “{name}”의 변경 내용을 저장할까요?</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>세션을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened {name}: {cell}, {steps} steps</source>
        <translation>{name}을(를) 열었습니다: {cell}, {steps}스텝</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>세션을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file}을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Cannot open the preset</source>
        <translation>프리셋을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Preset: {title}</source>
        <translation>프리셋: {title}</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>{path} no longer exists; it was removed from the recent files.</source>
        <translation>{path}이(가) 더 이상 없어서 최근 파일 목록에서 뺐습니다.</translation>
    </message>
    <message>
        <source>Cannot import the weights</source>
        <translation>가중치를 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>Import weights from {file}</source>
        <translation>{file}에서 가중치 가져오기</translation>
    </message>
    <message>
        <source>Imported {what}{notice}</source>
        <translation>가져왔습니다: {what}{notice}</translation>
    </message>
    <message>
        <source> — the input size changed, so the {n} inputs were reset to zeros</source>
        <translation> — 입력 크기가 바뀌어 입력 {n}스텝을 0으로 되돌렸습니다</translation>
    </message>
    <message>
        <source>Cannot load the inputs</source>
        <translation>입력을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <source>{file}: not a session, weight or input file</source>
        <translation>{file}: 세션, 가중치, 입력 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{cells} cells on the same {steps} steps of {inputs} inputs</source>
        <translation>셀 {cells}개, 같은 입력 {inputs}개짜리 {steps}스텝</translation>
    </message>
    <message>
        <source>The main window&apos;s cell takes a different number of inputs: the comparison keeps the old inputs.</source>
        <translation>메인 창의 셀은 입력 개수가 다릅니다. 비교는 이전 입력을 유지합니다.</translation>
    </message>
    <message>
        <source>Export the aligned runs</source>
        <translation>맞춘 실행 내보내기</translation>
    </message>
    <message>
        <source>Cannot export the table</source>
        <translation>표를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Export the memory plot</source>
        <translation>기억 그래프 내보내기</translation>
    </message>
    <message>
        <source>Cannot export the plot</source>
        <translation>그래프를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>0 (exact)</source>
        <translation>0 (정확)</translation>
    </message>
    <message>
        <source>Conventions explorer — GateScope</source>
        <translation>규약 탐색기 — GateScope</translation>
    </message>
    <message>
        <source>every mistake</source>
        <translation>모든 실수</translation>
    </message>
    <message>
        <source>Where the weights came from: only the mistakes possible when porting from there are listed</source>
        <translation>가중치의 출처: 그곳에서 옮길 때 생길 수 있는 실수만 보여 줍니다</translation>
    </message>
    <message>
        <source>Source format</source>
        <translation>원본 형식</translation>
    </message>
    <message>
        <source>Each row runs the cell as a common porting mistake would build it, on the same inputs. The right convention matches the original exactly (error 0); the others show how far, and from which step, a wrong one drifts.</source>
        <translation>각 행은 흔한 포팅 실수로 만들어진 셀을 같은 입력으로 실행합니다. 올바른 규약은 원래 결과와 정확히 같고(오차 0), 나머지는 잘못된 규약이 어느 스텝부터 얼마나 벗어나는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{cell}&lt;/b&gt;, weights from</source>
        <translation>&lt;b&gt;{cell}&lt;/b&gt;, 가중치 출처</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>규약</translation>
    </message>
    <message>
        <source>What it gets wrong</source>
        <translation>무엇이 틀리는가</translation>
    </message>
    <message>
        <source>Select a row to highlight its error curve</source>
        <translation>행을 고르면 그 오차 곡선을 강조합니다</translation>
    </message>
    <message>
        <source>max over units of |h_variant − h| per step, on a log axis (exact zeros drawn at the bottom)</source>
        <translation>스텝마다 유닛 중 가장 큰 |h_variant − h|, 로그 축 (정확한 0은 맨 아래에 그림)</translation>
    </message>
    <message>
        <source>Error per step</source>
        <translation>스텝별 오차</translation>
    </message>
    <message>
        <source>Running the variants…</source>
        <translation>변형들을 실행하는 중…</translation>
    </message>
    <message>
        <source>Cannot run the variants: {error}</source>
        <translation>변형들을 실행할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>{n} conventions; the right one (as-imported) is exact, {wrong} of the {mistakes} mistakes change the run.</source>
        <translation>규약 {n}개. 올바른 규약(as-imported)은 정확하고, 실수 {mistakes}개 중 {wrong}개가 실행 결과를 바꿉니다.</translation>
    </message>
    <message>
        <source>Saturated units per gate</source>
        <translation>게이트별 포화 유닛</translation>
    </message>
    <message>
        <source>Fraction of units below 0.1 or above 0.9 (|value| &gt; 0.9 for tanh quantities) at each step</source>
        <translation>각 스텝에서 0.1 아래나 0.9 위에 있는 유닛의 비율 (tanh 값은 |값| &gt; 0.9)</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Memory timescale per unit</source>
        <translation>유닛별 기억 시간 척도</translation>
    </message>
    <message>
        <source>−1 / ln ḡ: the steps over which each unit&apos;s memory decays by a factor e (ḡ the mean forget or update gate)</source>
        <translation>−1 / ln ḡ: 각 유닛의 기억이 e분의 1로 줄어드는 스텝 수 (ḡ는 망각 또는 업데이트 게이트의 평균)</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>Singular values of W_hh</source>
        <translation>W_hh의 특잇값</translation>
    </message>
    <message>
        <source>Singular values of each gate block of the recurrent weights, largest first; the legend gives each block&apos;s spectral radius ρ</source>
        <translation>순환 가중치의 게이트 블록별 특잇값 (큰 순서). 범례에 블록마다 스펙트럼 반지름 ρ가 있습니다</translation>
    </message>
    <message>
        <source>One-step Jacobian norm ‖∂h[t]/∂h[t−1]‖</source>
        <translation>한 스텝 야코비안 노름 ‖∂h[t]/∂h[t−1]‖</translation>
    </message>
    <message>
        <source>How much one step stretches (&gt; 1) or shrinks (&lt; 1) a gradient passing back through it</source>
        <translation>거꾸로 지나가는 기울기를 한 스텝이 얼마나 늘이는지(&gt; 1) 줄이는지(&lt; 1)</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>노름</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>계산하는 중…</translation>
    </message>
    <message>
        <source>Dashboard unavailable: {error}</source>
        <translation>대시보드를 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>A plain RNN has no forget or update gate, so it has no memory timescale to read (its memory is set by W_hh: see the spectrum).</source>
        <translation>기본 RNN에는 망각 게이트도 업데이트 게이트도 없어 읽을 기억 시간 척도가 없습니다 (기억은 W_hh가 정합니다: 스펙트럼을 보세요).</translation>
    </message>
    <message>
        <source>; units {units} never forget (ḡ = 1, τ = ∞, drawn at the top)</source>
        <translation>; 유닛 {units}은(는) 잊지 않습니다 (ḡ = 1, τ = ∞, 맨 위에 그림)</translation>
    </message>
    <message>
        <source>Memory timescale τ = −1 / ln {gate}̄ per unit (log scale): median {median} steps{note}.</source>
        <translation>유닛별 기억 시간 척도 τ = −1 / ln {gate}̄ (로그 눈금): 중앙값 {median}스텝{note}.</translation>
    </message>
    <message>
        <source>Memory timescale τ = −1 / ln {gate}̄ per unit (linear scale): median {median} steps{note}.</source>
        <translation>유닛별 기억 시간 척도 τ = −1 / ln {gate}̄ (선형 눈금): 중앙값 {median}스텝{note}.</translation>
    </message>
    <message>
        <source>Pulse at: the step of the pulse (earlier steps let a biased state settle)</source>
        <translation>펄스 위치: 펄스를 넣을 스텝 (그 전 스텝들은 편향된 상태가 자리 잡게 합니다)</translation>
    </message>
    <message>
        <source>Delays: how many steps after the pulse are measured</source>
        <translation>지연: 펄스 뒤 몇 스텝까지 잴지</translation>
    </message>
    <message>
        <source>Input: the input dimension carrying the pulse</source>
        <translation>입력: 펄스를 싣는 입력 차원</translation>
    </message>
    <message>
        <source>Amplitude: the pulse&apos;s value on the chosen input</source>
        <translation>크기: 고른 입력에 넣을 펄스 값</translation>
    </message>
    <message>
        <source>Pulse amplitude</source>
        <translation>펄스 크기</translation>
    </message>
    <message>
        <source>optional, e.g. 0.8, 1</source>
        <translation>선택, 예: 0.8, 1</translation>
    </message>
    <message>
        <source>The whole pulse vector, one value per input (overrides input and amplitude): e.g. a value plus a write cue for the hold presets</source>
        <translation>펄스 벡터 전체, 입력마다 값 하나 (입력과 크기보다 우선): 예를 들어 유지 프리셋에는 값과 쓰기 신호</translation>
    </message>
    <message>
        <source>Pulse vector</source>
        <translation>펄스 벡터</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Show the curves on a logarithmic (checked) or linear axis</source>
        <translation>곡선을 로그 축(체크) 또는 선형 축으로 보여 줍니다</translation>
    </message>
    <message>
        <source>Run test</source>
        <translation>테스트 실행</translation>
    </message>
    <message>
        <source>Run the memory test with these parameters</source>
        <translation>이 값들로 기억 테스트를 실행합니다</translation>
    </message>
    <message>
        <source>Pulse at step</source>
        <translation>펄스 스텝</translation>
    </message>
    <message>
        <source>Delays measured</source>
        <translation>잴 지연 수</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Amplitude</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>셀</translation>
    </message>
    <message>
        <source>&lt; 10 % after</source>
        <translation>10 % 미만까지</translation>
    </message>
    <message>
        <source>Left at the end</source>
        <translation>끝에 남은 양</translation>
    </message>
    <message>
        <source>The first delay (steps after the pulse) at which each cell holds less than 10 % of the pulse</source>
        <translation>각 셀에 펄스가 10 % 미만으로 남는 첫 지연 (펄스 뒤 스텝 수)</translation>
    </message>
    <message>
        <source>How much of the pulse each cell still holds, against the delay since the pulse; dashed lines mark where each falls below 10 %</source>
        <translation>펄스 뒤 지연에 따라 각 셀에 펄스가 얼마나 남아 있는지. 점선은 10 % 아래로 떨어지는 곳입니다</translation>
    </message>
    <message>
        <source>Memory test: ‖state with pulse − state without‖, relative to the pulse</source>
        <translation>기억 테스트: ‖펄스가 있는 상태 − 없는 상태‖, 펄스 대비</translation>
    </message>
    <message>
        <source>fraction of the pulse left</source>
        <translation>남은 펄스 비율</translation>
    </message>
    <message>
        <source>delay (steps after the pulse)</source>
        <translation>지연 (펄스 뒤 스텝)</translation>
    </message>
    <message>
        <source>pulse vector {text}: expected numbers separated by commas</source>
        <translation>펄스 벡터 {text}: 쉼표로 구분한 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>Running the memory test…</source>
        <translation>기억 테스트를 실행하는 중…</translation>
    </message>
    <message>
        <source>Memory test failed: {error}</source>
        <translation>기억 테스트 실패: {error}</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n}스텝</translation>
    </message>
    <message>
        <source>never (within {n})</source>
        <translation>없음 ({n}스텝 안에)</translation>
    </message>
    <message>
        <source>Pulse at step {step}, {n} delays; the state is [h; c] for the LSTM, h otherwise.</source>
        <translation>펄스는 {step}스텝, 지연 {n}개. 상태는 LSTM이면 [h; c], 아니면 h입니다.</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Compare cells…</source>
        <translation>셀 비교(&amp;C)…</translation>
    </message>
    <message>
        <source>Run an RNN, an LSTM and a GRU (or saved sessions) side by side on these inputs, with a memory test</source>
        <translation>RNN, LSTM, GRU(또는 저장한 세션)를 이 입력으로 나란히 실행하고 기억 테스트를 합니다</translation>
    </message>
    <message>
        <source>&amp;Branch (what if)</source>
        <translation>분기(가정)(&amp;B)</translation>
    </message>
    <message>
        <source>Force a gate or change an input or a weight from the current step and see the run diverge</source>
        <translation>현재 스텝부터 게이트를 고정하거나 입력이나 가중치를 바꿔 실행이 갈라지는 모습을 봅니다</translation>
    </message>
    <message>
        <source>&amp;Train…</source>
        <translation>학습(&amp;T)…</translation>
    </message>
    <message>
        <source>Train this kind of cell on a task and watch it learn</source>
        <translation>이 종류의 셀을 과제에 학습시키며 배우는 과정을 지켜봅니다</translation>
    </message>
    <message>
        <source>Saturation and memory &amp;dashboard</source>
        <translation>포화와 기억 대시보드(&amp;D)</translation>
    </message>
    <message>
        <source>Gate saturation, memory timescales, W_hh&apos;s spectrum and the one-step Jacobian</source>
        <translation>게이트 포화, 기억 시간 척도, W_hh의 스펙트럼, 한 스텝 야코비안</translation>
    </message>
    <message>
        <source>C&amp;onventions explorer…</source>
        <translation>규약 탐색기(&amp;O)…</translation>
    </message>
    <message>
        <source>How far the run moves under each weight-porting mistake</source>
        <translation>가중치를 옮길 때 생기는 실수마다 실행이 얼마나 달라지는지</translation>
    </message>
    <message>
        <source>Export &amp;PyTorch script…</source>
        <translation>PyTorch 스크립트 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <source>A standalone script that rebuilds this cell in PyTorch and checks the trace</source>
        <translation>이 셀을 PyTorch로 다시 만들고 트레이스를 확인하는 독립 스크립트</translation>
    </message>
    <message>
        <source>Export &amp;Keras script…</source>
        <translation>Keras 스크립트 내보내기(&amp;K)…</translation>
    </message>
    <message>
        <source>A standalone script that rebuilds this cell in Keras and checks the trace</source>
        <translation>이 셀을 Keras로 다시 만들고 트레이스를 확인하는 독립 스크립트</translation>
    </message>
    <message>
        <source>Branch (what if)</source>
        <translation>분기 (가정)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>Saturation and memory</source>
        <translation>포화와 기억</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>보기 초기화</translation>
    </message>
    <message>
        <source>Show all the data again after zooming or panning</source>
        <translation>확대하거나 옮긴 뒤 모든 데이터를 다시 보여 줍니다</translation>
    </message>
    <message>
        <source>How to read this</source>
        <translation>읽는 법</translation>
    </message>
    <message>
        <source>Show or hide a short explanation of this chart</source>
        <translation>이 차트의 짧은 설명을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>Export a {name} script</source>
        <translation>{name} 스크립트 내보내기</translation>
    </message>
    <message>
        <source>Python script</source>
        <translation>Python 스크립트</translation>
    </message>
    <message>
        <source>Cannot export the {name} script</source>
        <translation>{name} 스크립트를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Wrote {file}: run it with python to check the cell in {name}</source>
        <translation>{file}을(를) 썼습니다. python으로 실행하면 {name}에서 셀을 확인합니다</translation>
    </message>
    <message>
        <source>forward direction</source>
        <translation>정방향</translation>
    </message>
    <message>
        <source>reverse direction</source>
        <translation>역방향</translation>
    </message>
    <message>
        <source>Layer {layer}, {direction}</source>
        <translation>{layer}번 층, {direction}</translation>
    </message>
    <message>
        <source>Choose the weights — GateScope</source>
        <translation>가중치 선택 — GateScope</translation>
    </message>
    <message>
        <source>{file} holds {n} recurrent cells. Which one should GateScope load?</source>
        <translation>{file}에 순환 셀이 {n}개 있습니다. GateScope가 어느 것을 불러올까요?</translation>
    </message>
    <message>
        <source>Layers and directions in the file</source>
        <translation>파일에 있는 층과 방향</translation>
    </message>
    <message>
        <source>A reverse direction consumes the sequence last step first, as the framework does; its trace rows are in that order.</source>
        <translation>역방향은 프레임워크와 같이 시퀀스를 마지막 스텝부터 처리합니다. 트레이스의 행도 그 순서입니다.</translation>
    </message>
    <message>
        <source>RNN nonlinearity (not stored in the file):</source>
        <translation>RNN 비선형 함수 (파일에 저장되어 있지 않음):</translation>
    </message>
    <message>
        <source>tanh (the framework&apos;s default)</source>
        <translation>tanh (프레임워크 기본값)</translation>
    </message>
    <message>
        <source>GRU reset (not stored in the file):</source>
        <translation>GRU 리셋 (파일에 저장되어 있지 않음):</translation>
    </message>
    <message>
        <source>after the recurrent matmul (the default)</source>
        <translation>순환 행렬곱 뒤 (기본값)</translation>
    </message>
    <message>
        <source>before the recurrent matmul</source>
        <translation>순환 행렬곱 앞</translation>
    </message>
    <message>
        <source>All weight files</source>
        <translation>모든 가중치 파일</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>모든 파일</translation>
    </message>
    <message>
        <source>Import weights</source>
        <translation>가중치 가져오기</translation>
    </message>
    <message>
        <source>Load inputs</source>
        <translation>입력 불러오기</translation>
    </message>
    <message>
        <source>Input sequences</source>
        <translation>입력 시퀀스</translation>
    </message>
    <message>
        <source>Zero {label}</source>
        <translation>{label}을(를) 0으로</translation>
    </message>
    <message>
        <source>Scale ×{factor} {label}</source>
        <translation>{label} ×{factor} 배율</translation>
    </message>
    <message>
        <source>Randomise (seed {seed}) {label}</source>
        <translation>{label} 무작위화 (시드 {seed})</translation>
    </message>
    <message>
        <source>Multiply every value of {label} by:</source>
        <translation>{label}의 모든 값에 곱할 수:</translation>
    </message>
    <message>
        <source>Scale block</source>
        <translation>블록 배율 조정</translation>
    </message>
    <message>
        <source>Scale {label}…</source>
        <translation>{label} 배율 조정…</translation>
    </message>
    <message>
        <source>Randomise {label}</source>
        <translation>{label} 무작위화</translation>
    </message>
    <message>
        <source>Colour range</source>
        <translation>색 범위</translation>
    </message>
    <message>
        <source>Weights editor</source>
        <translation>가중치 편집기</translation>
    </message>
    <message>
        <source>Click a weight to select it; drag up or down to change it.</source>
        <translation>가중치를 클릭해 고르고, 위아래로 끌어 값을 바꿉니다.</translation>
    </message>
    <message>
        <source>Selected weight value</source>
        <translation>선택한 가중치 값</translation>
    </message>
    <message>
        <source>The selected weight: type an exact value and press Enter</source>
        <translation>선택한 가중치: 정확한 값을 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>Selected weight slider</source>
        <translation>선택한 가중치 슬라이더</translation>
    </message>
    <message>
        <source>Drag to change the selected weight across the colour range (one undo step per drag)</source>
        <translation>끌어서 선택한 가중치를 색 범위 안에서 바꿉니다 (끌기 한 번에 실행 취소 한 번)</translation>
    </message>
    <message>
        <source>Block: —</source>
        <translation>블록: —</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>배율…</translation>
    </message>
    <message>
        <source>Multiply every value of the block by a factor</source>
        <translation>블록의 모든 값에 배율을 곱합니다</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Draw the block again from U(−1/√H, 1/√H) (PyTorch&apos;s default) with the seed on the right</source>
        <translation>오른쪽의 시드로 블록을 U(−1/√H, 1/√H)(PyTorch 기본값)에서 다시 뽑습니다</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>0으로</translation>
    </message>
    <message>
        <source>Set every value of the block to 0</source>
        <translation>블록의 모든 값을 0으로 만듭니다</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>시드 </translation>
    </message>
    <message>
        <source>Seed of the next Randomise (it counts up after each use)</source>
        <translation>다음 무작위화에 쓸 시드 (쓸 때마다 1씩 늘어남)</translation>
    </message>
    <message>
        <source>Randomise seed</source>
        <translation>무작위화 시드</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Colour range: ± this value (auto = the largest |weight| of the cell)</source>
        <translation>색 범위: ± 이 값 (자동 = 셀에서 가장 큰 |가중치|)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Import weights from a PyTorch, Keras, ONNX, NPZ or safetensors file</source>
        <translation>PyTorch, Keras, ONNX, NPZ, safetensors 파일에서 가중치를 가져옵니다</translation>
    </message>
    <message>
        <source>Input  x → gates</source>
        <translation>입력  x → 게이트</translation>
    </message>
    <message>
        <source>Recurrent  h → gates</source>
        <translation>순환  h → 게이트</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>{name} ({label}, unit {unit}{source}) =</source>
        <translation>{name} ({label}, 유닛 {unit}{source}) =</translation>
    </message>
    <message>
        <source>Block {label}:</source>
        <translation>블록 {label}:</translation>
    </message>
    <message>
        <source>Set {where} = {value}</source>
        <translation>{where} = {value} 설정</translation>
    </message>
    <message>
        <source>from x</source>
        <translation>x에서</translation>
    </message>
    <message>
        <source>from h</source>
        <translation>h에서</translation>
    </message>
    <message>
        <source>Click to select · drag up/down to change · right-click for block actions</source>
        <translation>클릭: 선택 · 위아래로 끌기: 값 변경 · 오른쪽 클릭: 블록 작업</translation>
    </message>
    <message>
        <source>Schematic of the cell; hover a gate for its equation, click to pin.</source>
        <translation>셀의 구조도. 게이트 위에 마우스를 올리면 식이 보이고, 클릭하면 고정됩니다.</translation>
    </message>
    <message>
        <source>forget</source>
        <translation>망각</translation>
    </message>
    <message>
        <source>cand.</source>
        <translation>후보</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>리셋</translation>
    </message>
    <message>
        <source>update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>은닉</translation>
    </message>
    <message>
        <source>Gate and state values</source>
        <translation>게이트와 상태 값</translation>
    </message>
    <message>
        <source>Every unit&apos;s gates and states at the current step; click a unit to select it</source>
        <translation>현재 스텝에서 모든 유닛의 게이트와 상태. 유닛을 클릭하면 선택합니다</translation>
    </message>
    <message>
        <source>{name}[{unit}] = {value}  ({label}, step {step})</source>
        <translation>{name}[{unit}] = {value}  ({label}, {step}스텝)</translation>
    </message>
    <message>
        <source>Gradient through time</source>
        <translation>시간에 따른 기울기</translation>
    </message>
    <message>
        <source>How much of the gradient at the current step T reaches step t, on a log scale: falling = vanishing, climbing = exploding</source>
        <translation>현재 스텝 T의 기울기가 스텝 t까지 얼마나 닿는지 (로그 눈금): 내려가면 소실, 올라가면 폭발</translation>
    </message>
    <message>
        <source>delay T − t  (steps before the current step T)</source>
        <translation>지연 T − t  (현재 스텝 T보다 앞선 스텝 수)</translation>
    </message>
    <message>
        <source>delay T − t</source>
        <translation>지연 T − t</translation>
    </message>
    <message>
        <source>1 = unchanged</source>
        <translation>1 = 변화 없음</translation>
    </message>
    <message>
        <source>(cell path)</source>
        <translation>(셀 경로)</translation>
    </message>
    <message>
        <source>Gradient through time (log scale)</source>
        <translation>시간에 따른 기울기 (로그 눈금)</translation>
    </message>
    <message>
        <source>T = step {end}</source>
        <translation>T = {end}스텝</translation>
    </message>
    <message>
        <source>Gradient view unavailable: {error}</source>
        <translation>기울기 보기를 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>No gradient to show yet.</source>
        <translation>아직 보여 줄 기울기가 없습니다.</translation>
    </message>
    <message>
        <source>{label} {far} steps back = {value}</source>
        <translation>{far}스텝 전 {label} = {value}</translation>
    </message>
    <message>
        <source> ({n} below {floor}, drawn on the floor ▼)</source>
        <translation> ({n}개는 {floor} 미만, 바닥에 표시 ▼)</translation>
    </message>
    <message>
        <source> ({n} above {ceiling} or inf, drawn on the ceiling ▲)</source>
        <translation> ({n}개는 {ceiling} 초과 또는 무한대, 천장에 표시 ▲)</translation>
    </message>
    <message>
        <source>Step {step}: click to go there</source>
        <translation>{step}스텝: 클릭하면 이 스텝으로 갑니다</translation>
    </message>
    <message>
        <source>Edit {what}</source>
        <translation>{what} 편집</translation>
    </message>
    <message>
        <source>input {d}</source>
        <translation>입력 {d}</translation>
    </message>
    <message>
        <source>Change the input size?</source>
        <translation>입력 크기를 바꿀까요?</translation>
    </message>
    <message>
        <source>The new sequence has {new} value(s) per step, but the {kind} takes {old}.

GateScope will re-initialise the input weights W_ih for {new} inputs (same kind, {units} units, same seed); the recurrent weights and biases are kept.

Edit ▸ Undo restores the current cell.</source>
        <translation>새 시퀀스는 스텝마다 값이 {new}개인데 {kind}의 입력은 {old}개입니다.

GateScope가 입력 {new}개에 맞게 입력 가중치 W_ih를 다시 초기화합니다 (같은 종류, 유닛 {units}개, 같은 시드). 순환 가중치와 편향은 그대로 둡니다.

편집 ▸ 실행 취소로 현재 셀을 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Input sequence</source>
        <translation>입력 시퀀스</translation>
    </message>
    <message>
        <source>The input sequence: one row per step. Double-click or type to edit a value;
click a row to go to that step; Ctrl+C / Ctrl+V copy and paste.</source>
        <translation>입력 시퀀스: 스텝마다 한 행. 두 번 클릭하거나 입력해서 값을 고칩니다.
행을 클릭하면 그 스텝으로 갑니다. Ctrl+C / Ctrl+V로 복사하고 붙여 넣습니다.</translation>
    </message>
    <message>
        <source>Insert a step (zeros) above the selected rows</source>
        <translation>선택한 행 위에 스텝(0)을 넣습니다</translation>
    </message>
    <message>
        <source>Insert a step (zeros) below the selected rows</source>
        <translation>선택한 행 아래에 스텝(0)을 넣습니다</translation>
    </message>
    <message>
        <source>Delete the selected steps</source>
        <translation>선택한 스텝을 지웁니다</translation>
    </message>
    <message>
        <source>Copy the selected values as tab-separated text (Ctrl+C)</source>
        <translation>선택한 값을 탭으로 구분한 텍스트로 복사합니다 (Ctrl+C)</translation>
    </message>
    <message>
        <source>Paste numbers from a spreadsheet into the selection (Ctrl+V); extra rows are appended</source>
        <translation>스프레드시트의 숫자를 선택 영역에 붙여 넣습니다 (Ctrl+V). 남는 행은 끝에 덧붙입니다</translation>
    </message>
    <message>
        <source>Text…</source>
        <translation>텍스트…</translation>
    </message>
    <message>
        <source>Type text: each character becomes one step (one-hot)</source>
        <translation>텍스트 입력: 글자 하나가 한 스텝이 됩니다 (원-핫)</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>생성…</translation>
    </message>
    <message>
        <source>Generate a signal: sine, square, impulse, step, noise, copy task</source>
        <translation>신호 생성: 사인파, 사각파, 임펄스, 계단, 잡음, 복사 과제</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>불러오기…</translation>
    </message>
    <message>
        <source>Load inputs from a .npy, .csv or .json file</source>
        <translation>.npy, .csv, .json 파일에서 입력을 불러옵니다</translation>
    </message>
    <message>
        <source>{steps} steps × 1 input</source>
        <translation>{steps}스텝 × 입력 1개</translation>
    </message>
    <message>
        <source>Insert 1 step at {start}</source>
        <translation>{start}에 스텝 1개 삽입</translation>
    </message>
    <message>
        <source>Insert {n} steps at {start}</source>
        <translation>{start}에 스텝 {n}개 삽입</translation>
    </message>
    <message>
        <source>Inserted 1 step at step {start}.</source>
        <translation>{start}스텝에 스텝 1개를 넣었습니다.</translation>
    </message>
    <message>
        <source>Inserted {n} steps at step {start}.</source>
        <translation>{start}스텝에 스텝 {n}개를 넣었습니다.</translation>
    </message>
    <message>
        <source>A sequence keeps at least one step.</source>
        <translation>시퀀스에는 스텝이 적어도 하나 있어야 합니다.</translation>
    </message>
    <message>
        <source>Delete 1 step</source>
        <translation>스텝 1개 삭제</translation>
    </message>
    <message>
        <source>Delete {n} steps</source>
        <translation>스텝 {n}개 삭제</translation>
    </message>
    <message>
        <source>Copied {rows} × {cols} values.</source>
        <translation>값 {rows} × {cols}개를 복사했습니다.</translation>
    </message>
    <message>
        <source>Cannot paste: {error}.</source>
        <translation>붙여 넣을 수 없습니다: {error}.</translation>
    </message>
    <message>
        <source>Cannot paste: {m} columns do not fit from column {c0} (the cell takes {d} inputs).</source>
        <translation>붙여 넣을 수 없습니다: {c0}열부터 {m}열이 들어가지 않습니다 (셀의 입력은 {d}개).</translation>
    </message>
    <message>
        <source>Paste {n}×{m} values at step {step}</source>
        <translation>{step}스텝에 값 {n}×{m}개 붙여 넣기</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여 넣기</translation>
    </message>
    <message>
        <source>Paste (append)</source>
        <translation>붙여 넣기 (덧붙임)</translation>
    </message>
    <message>
        <source>Pasted {n} × {m} values at step {step} ({extra} appended).</source>
        <translation>{step}스텝에 값 {n} × {m}개를 붙여 넣었습니다 ({extra}개 덧붙임).</translation>
    </message>
    <message>
        <source>Pasted {n} × {m} values at step {step}.</source>
        <translation>{step}스텝에 값 {n} × {m}개를 붙여 넣었습니다.</translation>
    </message>
    <message>
        <source>Feed text</source>
        <translation>텍스트 넣기</translation>
    </message>
    <message>
        <source>Text to feed, one character per step (one-hot over its characters):</source>
        <translation>넣을 텍스트, 스텝마다 한 글자 (글자들에 대한 원-핫):</translation>
    </message>
    <message>
        <source>Cannot use this text</source>
        <translation>이 텍스트를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Feed text ({n} characters)</source>
        <translation>텍스트 넣기 ({n}글자)</translation>
    </message>
    <message>
        <source>{n} characters over a vocabulary of {size}.</source>
        <translation>{n}글자, 어휘 {size}개.</translation>
    </message>
    <message>
        <source>Cannot load inputs</source>
        <translation>입력을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Load inputs from {file}</source>
        <translation>{file}에서 입력 불러오기</translation>
    </message>
    <message>
        <source>Loaded {steps} steps × {inputs} inputs from {file}.</source>
        <translation>{file}에서 {steps}스텝 × 입력 {inputs}개를 불러왔습니다.</translation>
    </message>
    <message>
        <source>Step {step} of {last}</source>
        <translation>스텝 {step} / {last}</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>모두 복사</translation>
    </message>
    <message>
        <source>Copy the input and every gate and state of this step as tab-separated text</source>
        <translation>이 스텝의 입력과 모든 게이트, 상태를 탭으로 구분한 텍스트로 복사합니다</translation>
    </message>
    <message>
        <source>Copy all values of this step</source>
        <translation>이 스텝의 모든 값 복사</translation>
    </message>
    <message>
        <source>Input x_t of this step</source>
        <translation>이 스텝의 입력 x_t</translation>
    </message>
    <message>
        <source>Gates and states of every unit at this step</source>
        <translation>이 스텝에서 모든 유닛의 게이트와 상태</translation>
    </message>
    <message>
        <source> (Ctrl+C copies the selection; hover a cell for its full value)</source>
        <translation> (Ctrl+C: 선택 영역 복사, 칸 위에 마우스를 올리면 전체 값)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>the input of this step</source>
        <translation>이 스텝의 입력</translation>
    </message>
    <message>
        <source>No steps</source>
        <translation>스텝 없음</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Colour scale: {low} to {high}</source>
        <translation>색 눈금: {low} ~ {high}</translation>
    </message>
    <message>
        <source>Click or drag to seek; the mouse wheel zooms the steps</source>
        <translation>클릭하거나 끌어서 이동, 마우스 휠로 스텝 축을 확대/축소</translation>
    </message>
    <message>
        <source>Each column shows the most extreme of the {n} steps it covers</source>
        <translation>각 열은 그 열이 담은 {n}스텝 가운데 가장 극단적인 값을 보여 줍니다</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>표시:</translation>
    </message>
    <message>
        <source>Choose which gates and states the timeline shows</source>
        <translation>타임라인에 보여 줄 게이트와 상태를 고릅니다</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>선</translation>
    </message>
    <message>
        <source>the selected unit&apos;s lines</source>
        <translation>선택한 유닛의 선 그래프</translation>
    </message>
    <message>
        <source>Show or hide {what}</source>
        <translation>{what} 보이기/숨기기</translation>
    </message>
    <message>
        <source>Show {what}</source>
        <translation>{what} 보이기</translation>
    </message>
    <message>
        <source>The unit whose lines are drawn (select it in the gate panel)</source>
        <translation>선 그래프를 그리는 유닛 (게이트 패널에서 고릅니다)</translation>
    </message>
    <message>
        <source>lines: no room</source>
        <translation>선: 공간 부족</translation>
    </message>
    <message>
        <source>The timeline is too short for the lines: enlarge it or hide a row</source>
        <translation>타임라인이 너무 낮아 선을 그릴 수 없습니다: 창을 키우거나 행을 숨기세요</translation>
    </message>
    <message>
        <source>{name}: one row per {unit}, one column per step</source>
        <translation>{name}: {unit}마다 한 행, 스텝마다 한 열</translation>
    </message>
    <message>
        <source>lines: unit {unit}</source>
        <translation>선: 유닛 {unit}</translation>
    </message>
    <message>
        <source>unit {unit}</source>
        <translation>유닛 {unit}</translation>
    </message>
    <message>
        <source>{name}[{unit}] at step {step} = {value}</source>
        <translation>{step}스텝의 {name}[{unit}] = {value}</translation>
    </message>
    <message>
        <source>GateScope — unexpected error</source>
        <translation>GateScope — 예기치 않은 오류</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong:&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;문제가 생겼습니다:&lt;/b&gt; {message}</translation>
    </message>
    <message>
        <source>Your work is still open: you can save it and carry on. Please send the report below to the developers.</source>
        <translation>작업은 그대로 열려 있으니 저장하고 계속할 수 있습니다. 아래 보고서를 개발자에게 보내 주세요.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>오류 보고서</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>보고서 복사</translation>
    </message>
    <message>
        <source>Copy the report (versions and traceback) to the clipboard</source>
        <translation>보고서(버전과 트레이스백)를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>보고서 저장…</translation>
    </message>
    <message>
        <source>Save the report as a text file</source>
        <translation>보고서를 텍스트 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Close this report; GateScope carries on</source>
        <translation>이 보고서를 닫습니다. GateScope는 계속 동작합니다</translation>
    </message>
    <message>
        <source>This error happened {n} times.</source>
        <translation>이 오류가 {n}번 일어났습니다.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사함</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>오류 보고서 저장</translation>
    </message>
    <message>
        <source>Text files</source>
        <translation>텍스트 파일</translation>
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation>보고서를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>The same error happened again ({n} times): {error}</source>
        <translation>같은 오류가 또 일어났습니다 ({n}번): {error}</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 애니메이션 (*.gif)</translation>
    </message>
    <message>
        <source>Cannot export the trace</source>
        <translation>트레이스를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot export the weights</source>
        <translation>가중치를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot export the view</source>
        <translation>화면을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot export the GIF</source>
        <translation>GIF를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>{path}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Export the trace</source>
        <translation>트레이스 내보내기</translation>
    </message>
    <message>
        <source>Export the weights</source>
        <translation>가중치 내보내기</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <source>SVG is drawn for the diagram and the gradient plot; save the whole window as PNG</source>
        <translation>SVG는 다이어그램과 기울기 그래프만 그릴 수 있습니다. 창 전체는 PNG로 저장하세요</translation>
    </message>
    <message>
        <source>Export the run as a GIF</source>
        <translation>실행 과정을 GIF로 내보내기</translation>
    </message>
    <message>
        <source>Rendering the animation…</source>
        <translation>애니메이션을 그리는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Export GIF</source>
        <translation>GIF 내보내기</translation>
    </message>
    <message>
        <source>GIF export cancelled; nothing was written</source>
        <translation>GIF 내보내기를 취소했습니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>자동 저장 실패: {error}</translation>
    </message>
    <message>
        <source>Recovery file unusable</source>
        <translation>복구 파일을 쓸 수 없음</translation>
    </message>
    <message>
        <source>A recovery file could not be read and was removed:
{error}</source>
        <translation>복구 파일을 읽을 수 없어 지웠습니다:
{error}</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm:ss</source>
        <translation>yyyy. M. d. HH:mm:ss</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>저장하지 않은 작업 복구</translation>
    </message>
    <message>
        <source>GateScope closed unexpectedly. Restore the work on “{name}” from {when}?</source>
        <translation>GateScope가 예기치 않게 종료되었습니다. {when}에 작업하던 “{name}”을(를) 복구할까요?</translation>
    </message>
    <message>
        <source>Restore opens it with its unsaved changes; Discard deletes it; Later asks again at the next launch.</source>
        <translation>복구: 저장하지 않은 변경과 함께 엽니다. 버리기: 지웁니다. 나중에: 다음 실행 때 다시 묻습니다.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Open the unsaved work</source>
        <translation>저장하지 않은 작업을 엽니다</translation>
    </message>
    <message>
        <source>Delete the unsaved work</source>
        <translation>저장하지 않은 작업을 지웁니다</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Keep it and ask at the next launch</source>
        <translation>남겨 두고 다음 실행 때 묻습니다</translation>
    </message>
    <message>
        <source>Restored the unsaved work; its undo history starts here (edits before the crash cannot be undone)</source>
        <translation>저장하지 않은 작업을 복원했습니다. 실행 취소 기록은 여기서 새로 시작합니다(충돌 전의 편집은 취소할 수 없음)</translation>
    </message>
    <message>
        <source>Type a finite number, e.g. 0.5, -2 or 1e-3</source>
        <translation>유한한 숫자를 입력하세요. 예: 0.5, -2, 1e-3</translation>
    </message>
    <message>
        <source>Input value</source>
        <translation>입력 값</translation>
    </message>
    <message>
        <source>Overflow warning</source>
        <translation>오버플로 경고</translation>
    </message>
    <message>
        <source>The trace holds inf or NaN from this step on; the views cannot show those values.</source>
        <translation>이 스텝부터 트레이스에 inf나 NaN이 있어 화면에 그 값을 보여 줄 수 없습니다.</translation>
    </message>
    <message>
        <source>The state overflows {dtype} at step {step}: the relu RNN&apos;s recurrent weights are too large to simulate. Scale W_hh down or use tanh.</source>
        <translation>{step}스텝에서 상태가 {dtype} 범위를 넘습니다. relu RNN의 순환 가중치가 너무 커서 시뮬레이션할 수 없습니다. W_hh를 줄이거나 tanh를 쓰세요.</translation>
    </message>
    <message>
        <source>The state overflows {dtype} at step {step}: the {cell} produced inf or NaN. Scale the weights or inputs down.</source>
        <translation>{step}스텝에서 상태가 {dtype} 범위를 넘습니다. {cell}이(가) inf나 NaN을 만들었습니다. 가중치나 입력을 줄이세요.</translation>
    </message>
    <message>
        <source>Recomputing {steps} steps with the new values…</source>
        <translation>새 값으로 {steps}스텝을 다시 계산하는 중…</translation>
    </message>
    <message>
        <source>Recomputing</source>
        <translation>다시 계산하는 중</translation>
    </message>
    <message>
        <source>settling…</source>
        <translation>반영 중…</translation>
    </message>
    <message>
        <source>The new weights are still reaching the later steps; those parts of the views show the previous values until this disappears</source>
        <translation>새 가중치가 아직 뒤쪽 스텝에 반영되는 중입니다. 이 표시가 사라질 때까지 그 부분은 이전 값을 보여 줍니다</translation>
    </message>
    <message>
        <source>The task&apos;s probe sequence, run by the weights being trained.</source>
        <translation>학습 중인 가중치로 실행한 과제의 검사 시퀀스입니다.</translation>
    </message>
    <message>
        <source>Train {cell}</source>
        <translation>{cell} 학습</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Race: RNN, LSTM and GRU</source>
        <translation>경주: RNN, LSTM, GRU</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>New race</source>
        <translation>새 경주</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>{task}, {hidden} units each</source>
        <translation>{task}, 각각 유닛 {hidden}개</translation>
    </message>
    <message>
        <source>recall: remember the first symbol over a delay (distractors=1 puts a distractor at every step); adding; sine. Any task spec may be typed.</source>
        <extracomment>Tasks offered in the task box (any spec of simulator.training.tasks may be typed).</extracomment>
        <translation>recall: 지연 동안 첫 기호를 기억합니다(distractors=1이면 매 스텝 방해 기호); adding; sine. 어떤 과제 지정이든 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s norm to this (0: no clipping)</source>
        <translation>기울기 노름을 이 값으로 자릅니다(0: 자르지 않음)</translation>
    </message>
    <message>
        <source>The LSTM&apos;s forget-gate bias at the start (b_if; b_hf = 0): 3 keeps the gate open (σ(3) ≈ 0.95), 0 halves the memory every step</source>
        <translation>시작할 때 LSTM 망각 게이트의 편향(b_if; b_hf = 0): 3이면 게이트가 열려 있고(σ(3) ≈ 0.95), 0이면 기억이 매 스텝 절반으로 줄어듭니다</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>과제</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>은닉 유닛</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>기울기 자르기</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Forget bias</source>
        <translation>망각 편향</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <source>Train until paused or the iterations are done</source>
        <translation>일시 정지하거나 반복이 끝날 때까지 학습합니다</translation>
    </message>
    <message>
        <source>Stop after the current iteration</source>
        <translation>지금 반복이 끝나면 멈춥니다</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Train one iteration</source>
        <translation>한 번 반복 학습합니다</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>새 실행</translation>
    </message>
    <message>
        <source>Start over from new weights with these settings</source>
        <translation>이 설정으로 새 가중치에서 다시 시작합니다</translation>
    </message>
    <message>
        <source>Race…</source>
        <translation>경주…</translation>
    </message>
    <message>
        <source>Train an RNN, an LSTM and a GRU of this size on this task side by side</source>
        <translation>이 크기의 RNN, LSTM, GRU를 이 과제에 나란히 학습시킵니다</translation>
    </message>
    <message>
        <source>Training history: drag to show the weights of an earlier iteration</source>
        <translation>학습 기록: 끌어서 이전 반복의 가중치를 봅니다</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Iteration {n} of {total}</source>
        <translation>반복 {n}/{total}</translation>
    </message>
    <message>
        <source>loss {loss:.3f}</source>
        <translation>손실 {loss:.3f}</translation>
    </message>
    <message>
        <source>probe accuracy {acc:.2f}</source>
        <translation>탐색 시퀀스 정확도 {acc:.2f}</translation>
    </message>
    <message>
        <source>Training {task}</source>
        <translation>학습 중: {task}</translation>
    </message>
    <message>
        <source>iteration {n}</source>
        <translation>반복 {n}</translation>
    </message>
    <message>
        <source>Replace the open document?</source>
        <translation>열려 있는 문서를 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>{name} is the open document&apos;s own file. Replacing it with this export loses the saved session.</source>
        <translation>{name}은(는) 열려 있는 문서의 파일입니다. 이 내보내기로 바꾸면 저장된 세션을 잃습니다.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>module {name}</source>
        <translation>모듈 {name}</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>레이어 {layer}</translation>
    </message>
    <message>
        <source>reverse direction: consumes the sequence last step first</source>
        <translation>역방향: 시퀀스를 마지막 스텝부터 처리</translation>
    </message>
    <message>
        <source>Weights from {file}: {where}</source>
        <translation>{file}의 가중치: {where}</translation>
    </message>
    <message>
        <source>Assumed: {what}</source>
        <translation>가정: {what}</translation>
    </message>
    <message>
        <source>Change… sets what the file does not store.</source>
        <translation>변경…으로 파일에 저장되지 않은 설정을 정합니다.</translation>
    </message>
    <message>
        <source>Imported weights</source>
        <translation>가져온 가중치</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>변경…</translation>
    </message>
    <message>
        <source>Choose the module, layer and direction again</source>
        <translation>모듈, 레이어, 방향을 다시 선택</translation>
    </message>
</context>
<context>
    <name>CellDiagram</name>
    <message>
        <source>Cell diagram</source>
        <translation>셀 다이어그램</translation>
    </message>
    <message>
        <source>Selected unit</source>
        <translation>선택한 유닛</translation>
    </message>
    <message>
        <source>Mean of units</source>
        <translation>유닛 평균</translation>
    </message>
    <message>
        <source>Colour the diagram by one unit&apos;s values or by the mean over all units</source>
        <translation>다이어그램을 한 유닛의 값 또는 전체 유닛의 평균으로 칠합니다</translation>
    </message>
    <message>
        <source>Diagram values: one unit or the mean of units</source>
        <translation>다이어그램 값: 한 유닛 또는 유닛 평균</translation>
    </message>
    <message>
        <source>The unit the diagram and its equations show</source>
        <translation>다이어그램과 식이 보여 주는 유닛</translation>
    </message>
    <message>
        <source>The pinned equation (click a gate to pin it, click empty space to clear)</source>
        <translation>고정한 식 (게이트를 클릭하면 고정, 빈 곳을 클릭하면 해제)</translation>
    </message>
    <message>
        <source>Pinned equation</source>
        <translation>고정한 식</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>mean of {units} units</source>
        <translation>유닛 {units}개 평균</translation>
    </message>
    <message>
        <source>unit {unit}</source>
        <translation>유닛 {unit}</translation>
    </message>
    <message>
        <source>Click to pin this equation below the diagram.</source>
        <translation>클릭하면 이 식을 다이어그램 아래에 고정합니다.</translation>
    </message>
</context>
<context>
    <name>CellSetup</name>
    <message>
        <source>Cell kind</source>
        <translation>셀 종류</translation>
    </message>
    <message>
        <source>The kind of recurrent cell to simulate</source>
        <translation>시뮬레이션할 순환 셀의 종류</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>종류(&amp;K)</translation>
    </message>
    <message>
        <source>Input size D</source>
        <translation>입력 크기 D</translation>
    </message>
    <message>
        <source>D, the size of one input vector</source>
        <translation>D, 입력 벡터 하나의 크기</translation>
    </message>
    <message>
        <source>Hidden size H</source>
        <translation>은닉 크기 H</translation>
    </message>
    <message>
        <source>H, the number of units (1–1024)</source>
        <translation>H, 유닛 수 (1–1024)</translation>
    </message>
    <message>
        <source>&amp;Input size D</source>
        <translation>입력 크기 D(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Hidden size H</source>
        <translation>은닉 크기 H(&amp;H)</translation>
    </message>
    <message>
        <source>Initialiser</source>
        <translation>초기화 방식</translation>
    </message>
    <message>
        <source>How the new weights are drawn</source>
        <translation>새 가중치를 뽑는 방식</translation>
    </message>
    <message>
        <source>I&amp;nitialiser</source>
        <translation>초기화(&amp;N)</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>난수 시드</translation>
    </message>
    <message>
        <source>The random seed: the same seed gives the same weights</source>
        <translation>난수 시드: 같은 시드면 같은 가중치가 나옵니다</translation>
    </message>
    <message>
        <source>&amp;Seed</source>
        <translation>시드(&amp;S)</translation>
    </message>
    <message>
        <source>Number type</source>
        <translation>수 형식</translation>
    </message>
    <message>
        <source>float64 (exact reference) or float32 (as most trained models run)</source>
        <translation>float64 (정확한 기준값) 또는 float32 (대부분의 학습된 모델이 쓰는 형식)</translation>
    </message>
    <message>
        <source>&amp;Precision</source>
        <translation>정밀도(&amp;P)</translation>
    </message>
    <message>
        <source>set to</source>
        <translation>값 지정</translation>
    </message>
    <message>
        <source>LSTM only: set the forget-gate bias b_if (b_hf = 0) instead of the initialiser&apos;s value</source>
        <translation>LSTM 전용: 초기화 값 대신 망각 게이트 편향 b_if를 지정합니다 (b_hf = 0)</translation>
    </message>
    <message>
        <source>Forget-gate bias</source>
        <translation>망각 게이트 편향</translation>
    </message>
    <message>
        <source>The LSTM forget-gate bias; 1 or more makes the cell remember longer</source>
        <translation>LSTM 망각 게이트 편향; 1 이상이면 셀이 더 오래 기억합니다</translation>
    </message>
    <message>
        <source>&amp;Forget bias</source>
        <translation>망각 편향(&amp;F)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Build a new cell with these settings and fresh weights (undoable)</source>
        <translation>이 설정과 새 가중치로 셀을 새로 만듭니다 (실행 취소 가능)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Show the current cell&apos;s settings again</source>
        <translation>현재 셀의 설정을 다시 보여 줍니다</translation>
    </message>
    <message>
        <source>Now: {cell}, {dtype}.</source>
        <translation>현재: {cell}, {dtype}.</translation>
    </message>
    <message>
        <source>Replace the weights?</source>
        <translation>가중치를 바꿀까요?</translation>
    </message>
    <message>
        <source>This replaces the current weights with new ones drawn by the initialiser. You can undo it with Edit ▸ Undo.</source>
        <translation>현재 가중치를 초기화 방식으로 새로 뽑은 값으로 바꿉니다. 편집 ▸ 실행 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>The input size changed to {size}: the {steps} input steps were reset to zeros.</source>
        <translation>입력 크기가 {size}(으)로 바뀌어 입력 {steps}스텝을 모두 0으로 되돌렸습니다.</translation>
    </message>
    <message>
        <source>New {cell}; the inputs were kept.</source>
        <translation>새 {cell}; 입력은 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>New cell: {cell}</source>
        <translation>새 셀: {cell}</translation>
    </message>
</context>
<context>
    <name>Generator</name>
    <message>
        <source>sine</source>
        <translation>사인파</translation>
    </message>
    <message>
        <source>square</source>
        <translation>사각파</translation>
    </message>
    <message>
        <source>impulse</source>
        <translation>임펄스</translation>
    </message>
    <message>
        <source>step</source>
        <translation>계단</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>복사 과제</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>주기</translation>
    </message>
    <message>
        <source>Amplitude</source>
        <translation>진폭</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>위상</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>듀티비</translation>
    </message>
    <message>
        <source>At</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>기호 수</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>amplitude · sin(2π t / period + phase)</source>
        <translation>진폭 · sin(2π t / 주기 + 위상)</translation>
    </message>
    <message>
        <source>+amplitude for the first duty fraction of each period, −amplitude after</source>
        <translation>각 주기의 앞쪽 듀티비만큼은 +진폭, 그 뒤는 −진폭</translation>
    </message>
    <message>
        <source>amplitude at one step, 0 elsewhere</source>
        <translation>한 스텝에서만 진폭, 나머지는 0</translation>
    </message>
    <message>
        <source>0 before one step, amplitude from it on</source>
        <translation>한 스텝 전까지 0, 그 스텝부터 진폭</translation>
    </message>
    <message>
        <source>seeded Gaussian white noise, each column independent</source>
        <translation>시드를 정한 가우스 백색 잡음, 열마다 독립</translation>
    </message>
    <message>
        <source>the copy task: a one-hot pattern, blanks, a recall cue (D = symbols + 2)</source>
        <translation>복사 과제: 원-핫 패턴, 빈 스텝, 회상 신호 (D = 기호 수 + 2)</translation>
    </message>
    <message>
        <source>steps per cycle</source>
        <translation>한 주기의 스텝 수</translation>
    </message>
    <message>
        <source>peak value</source>
        <translation>최댓값</translation>
    </message>
    <message>
        <source>phase offset in radians</source>
        <translation>위상 차이 (라디안)</translation>
    </message>
    <message>
        <source>fraction of each period high</source>
        <translation>각 주기에서 높은 구간의 비율</translation>
    </message>
    <message>
        <source>the step (from 0) where it happens</source>
        <translation>일어나는 스텝 (0부터)</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>random seed (the same seed gives the same sequence)</source>
        <translation>난수 시드 (같은 시드면 같은 시퀀스)</translation>
    </message>
    <message>
        <source>symbols in the pattern</source>
        <translation>패턴의 기호 수</translation>
    </message>
    <message>
        <source>size of the alphabet</source>
        <translation>알파벳 크기</translation>
    </message>
    <message>
        <source>blank steps between pattern and cue</source>
        <translation>패턴과 회상 신호 사이의 빈 스텝 수</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>Language code -&gt; its own name (menus show each language in itself).</extracomment>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the interface and the lessons</source>
        <translation>화면과 강의에 쓰는 언어</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Use this language from the next start</source>
        <translation>다음 실행부터 이 언어를 씁니다</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language applies the next time GateScope starts.</source>
        <translation>새 언어는 GateScope를 다시 시작하면 적용됩니다.</translation>
    </message>
</context>
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
<context>
    <name>Lessons</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>강의(&amp;L)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>Show or hide the lessons panel</source>
        <translation>강의 패널 보이기 또는 숨기기</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{cell} · {dtype} · T = {steps} steps</source>
        <translation>{cell} · {dtype} · T = {steps}스텝</translation>
    </message>
    <message>
        <source>Presets unavailable: {error}</source>
        <translation>프리셋을 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>About GateScope</source>
        <translation>GateScope 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;GateScope {version}&lt;/b&gt;&lt;p&gt;See inside one RNN, LSTM or GRU cell, token by token: watch the gates move, step and play, edit inputs and weights, export traces.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;b&gt;GateScope {version}&lt;/b&gt;&lt;p&gt;RNN, LSTM, GRU 셀 하나의 속을 토큰 하나하나 들여다봅니다. 게이트가 움직이는 모습을 보고, 한 스텝씩 넘기거나 재생하고, 입력과 가중치를 고치고, 트레이스를 내보낼 수 있습니다.&lt;/p&gt;&lt;p&gt;MIT 라이선스.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PresetInfo</name>
    <message>
        <source>What this example shows and what to try</source>
        <translation>이 예제가 보여 주는 것과 해 볼 만한 것</translation>
    </message>
    <message>
        <source>Your own session</source>
        <translation>직접 만든 세션</translation>
    </message>
    <message>
        <source>Choose an example from the Presets menu, or build a cell in the Cell set-up panel and edit its inputs and weights.</source>
        <translation>프리셋 메뉴에서 예제를 고르거나, 셀 설정 패널에서 셀을 만들고 입력과 가중치를 고쳐 보세요.</translation>
    </message>
    <message>
        <source>{cell}; {steps} steps. Space plays, ← → step, Home/End jump.</source>
        <translation>{cell}; {steps}스텝. 스페이스: 재생, ← →: 한 스텝, Home/End: 처음/끝.</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>현재 스텝</translation>
    </message>
    <message>
        <source>Scrubber</source>
        <translation>스크러버</translation>
    </message>
    <message>
        <source>Drag to move through the sequence</source>
        <translation>끌어서 시퀀스를 오갑니다</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>Playback speed, 0.5 to 2000 steps per second (logarithmic); above the screen&apos;s frame rate several steps are shown per frame</source>
        <translation>재생 속도, 초당 0.5–2000스텝 (로그 눈금); 화면 주사율보다 빠르면 한 프레임에 여러 스텝을 보여 줍니다</translation>
    </message>
    <message>
        <source>The current step t, counted from 0: row t is the state after reading input t (0 … {last}; T = {steps} steps). Type a number and press Enter to go there.</source>
        <translation>현재 스텝 t (0부터 셈): t행은 입력 t를 읽은 뒤의 상태입니다 (0 … {last}; T = {steps}스텝). 숫자를 입력하고 Enter를 누르면 그 스텝으로 갑니다.</translation>
    </message>
</context>
</TS>

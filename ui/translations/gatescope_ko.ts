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
        <source>{title}
(not available in this build)</source>
        <translation>{title}
(이 빌드에서는 쓸 수 없음)</translation>
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
        <source>input</source>
        <translation>입력</translation>
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
        <source>Lessons</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>Show or hide the lessons panel</source>
        <translation>강의 패널을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>강의(&amp;L)</translation>
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

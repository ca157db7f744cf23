// Process diagrams are drawn at their natural size and scroll sideways in their box: bring the step each process
// waits at (the first .active node) into the middle of its box. Without this script the page works the same.
document.querySelectorAll('.diagram-wrap').forEach(function (wrap) {
  var active = wrap.querySelector('.bpmn-node.active');
  if (!active) {
    return;
  }
  var node = active.getBoundingClientRect();
  var box = wrap.getBoundingClientRect();
  wrap.scrollLeft += node.left - box.left - (box.width - node.width) / 2;
});
